import { Profiler, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { GatewayProvider } from './connection/gateway-context';
import { connectSocket } from './connection/socket';
import { syncFromSocket } from './connection/sync';
import { countCommit } from './lanes/lanes-debug';
import { syncViewToUrl } from './state/view-store';
import './app/app.css';

const socket = connectSocket();
syncFromSocket(socket);
syncViewToUrl();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GatewayProvider value={socket}>
      {/* Counts React commits for the benchmarks (window.__lanes.reactCommits). */}
      <Profiler id="app" onRender={countCommit}>
        <App />
      </Profiler>
    </GatewayProvider>
  </StrictMode>,
);
