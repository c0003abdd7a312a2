import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useDashboard } from '../state/dashboard-store';
import { useView, viewStore } from '../state/view-store';
import { bootstrapNote, clientSnippets, PLACEHOLDER_TOPIC, type ClientId } from './client-snippets';
import { CopyButton } from './copy-button';
import { Dialog } from './dialog';

/** "Connect a client": the bootstrap address and ready-to-paste snippets for five clients. */
export function ConnectClient() {
  const open = useView((v) => v.connectOpen);
  return (
    <Dialog open={open} onClose={() => viewStore.setState({ connectOpen: false })} title="Connect a client" kind="connect" wide>
      <ConnectClientBody />
    </Dialog>
  );
}

function ConnectClientBody() {
  const bootstrap = useDashboard((s) => s.connection?.bootstrap ?? null);
  const topic = useView((v) => v.topic);
  if (!bootstrap) return <p>Waiting for the gateway to say where Kafka is…</p>;
  const note = bootstrapNote(bootstrap);
  return (
    <div className="connect-client">
      <div className="bootstrap-line">
        <span className="bar-label">Bootstrap address</span>
        <code className="bootstrap">{bootstrap}</code>
        <CopyButton text={bootstrap} what="the bootstrap address" />
      </div>
      {note && <p className="hint muted">{note}</p>}
      <p>
        Records these clients produce to <strong>{topic ?? PLACEHOLDER_TOPIC}</strong> appear in its lanes, like those from the producer panel. The snippets set a{' '}
        <code>lanes-producer</code> header: the dashboard shows that name as the record&apos;s producer. Consumers with a group id appear in the groups panel.
        {!topic && ' No topic exists yet: create one first, or change my-topic in the snippets.'}
      </p>
      <ClientTabs bootstrap={bootstrap} topic={topic} />
    </div>
  );
}

function ClientTabs({ bootstrap, topic }: { bootstrap: string; topic: string | null }) {
  const id = useId();
  const clients = clientSnippets({ bootstrap, topic });
  const [selected, setSelected] = useState<ClientId>('kcat');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = Math.max(0, clients.findIndex((client) => client.id === selected));
  const client = clients[index]!;

  // WAI-ARIA tabs: arrow keys move between tabs, Home/End jump to the ends.
  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: clients.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + clients.length) % clients.length;
    setSelected(clients[next]!.id);
    tabs.current[next]?.focus();
  }

  return (
    <div className="client-tabs">
      <div role="tablist" aria-label="Client" className="client-tab-list" onKeyDown={onKeyDown}>
        {clients.map((candidate, i) => (
          <button
            key={candidate.id}
            ref={(element) => {
              tabs.current[i] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${candidate.id}`}
            aria-selected={candidate.id === client.id}
            aria-controls={`${id}-panel`}
            tabIndex={candidate.id === client.id ? 0 : -1}
            onClick={() => setSelected(candidate.id)}
          >
            {candidate.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${client.id}`} className="client-panel">
        <div className="snippet">
          <div className="snippet-head">
            <span>Install</span>
            <CopyButton text={client.install} what={`the ${client.label} install command`} />
          </div>
          <pre>
            <code>{client.install}</code>
          </pre>
        </div>
        <p className="hint partitioner-note">{client.partitionerNote}</p>
        {client.snippets.map((snippet) => (
          <div className="snippet" key={snippet.title}>
            <div className="snippet-head">
              <span>{snippet.title}</span>
              <CopyButton text={snippet.code} what={`${client.label}: ${snippet.title}`} />
            </div>
            <pre tabIndex={0} aria-label={`${client.label}: ${snippet.title}`}>
              <code>{snippet.code}</code>
            </pre>
          </div>
        ))}
      </div>
    </div>
  );
}
