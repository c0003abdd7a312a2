import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the dashboard is served by Vite and talks to a gateway started separately
// (`pnpm gateway`); in production the gateway serves the built files itself.
const gateway = process.env.LANES_GATEWAY_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  // React reports commits to <Profiler> only in development and profiling builds; the profiling build
  // of react-dom costs little, and lets bench/web count commits in the dashboard people actually run.
  resolve: { alias: { 'react-dom/client': 'react-dom/profiling' } },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': gateway,
      '/socket.io': { target: gateway, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
  },
});
