import { useCommand } from '../connection/gateway-context';
import { useDashboard } from '../state/dashboard-store';
import { useView } from '../state/view-store';
import { Dialog } from './dialog';
import { openTopicDialog, useTopicDialog } from './top-bar-dialogs';

export function DeleteTopicDialog() {
  const open = useTopicDialog() === 'delete-topic';
  const topic = useView((v) => v.topic);
  return (
    <Dialog open={open} onClose={() => openTopicDialog(null)} title={topic ? `Delete ${topic}?` : 'Delete topic'}>
      {topic ? <ConfirmDelete topic={topic} /> : <p>Select a topic first.</p>}
    </Dialog>
  );
}

function ConfirmDelete({ topic }: { topic: string }) {
  const remove = useCommand('topic:delete');
  const partitions = useDashboard((s) => s.topics.find((t) => t.name === topic)?.partitions.length ?? 0);
  const records = useDashboard((s) => s.topics.find((t) => t.name === topic)?.partitions.reduce((sum, p) => sum + p.logEndOffset - p.logStartOffset, 0) ?? 0);

  async function confirm() {
    const result = await remove.run({ name: topic });
    // The gateway's topics:changed moves the selection to another topic.
    if (result.ok) openTopicDialog(null);
  }

  return (
    <div className="dialog-form">
      <p>
        This deletes <strong>{topic}</strong> from Kafka: its {partitions} {partitions === 1 ? 'partition' : 'partitions'} and the {records.toLocaleString()}{' '}
        {records === 1 ? 'record' : 'records'} in them. Consumer groups reading it lose those partitions. It cannot be undone.
      </p>
      {remove.error && (
        <p className="field-error" role="alert">
          {remove.error.message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={() => openTopicDialog(null)}>
          Keep it
        </button>
        <button type="button" className="danger" disabled={remove.pending} onClick={() => void confirm()}>
          {remove.pending ? 'Deleting…' : `Delete ${topic}`}
        </button>
      </div>
    </div>
  );
}
