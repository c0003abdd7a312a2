import { useState } from 'react';
import type { TopicPartition } from '@lanes/events';
import { useCommand } from '../connection/gateway-context';
import { SeekControls } from './seek-controls';

/** What a presenter can do to a whole group: add a consumer, move its offsets, delete it. */
export function GroupActions({ groupId, partitions }: { groupId: string; partitions: TopicPartition[] }) {
  const add = useCommand('consumer:add');
  const remove = useCommand('group:delete');
  const [confirming, setConfirming] = useState(false);

  return (
    <div className="group-actions">
      <div className="button-row">
        <button type="button" className="primary" disabled={add.pending} onClick={() => void add.run({ groupId })} title="Starts one more consumer: the group rebalances to make room for it">
          {add.pending ? 'Adding…' : 'Add consumer'}
        </button>
        {!confirming ? (
          <button type="button" onClick={() => setConfirming(true)}>Delete group…</button>
        ) : (
          <span className="confirm" role="group" aria-label="Confirm deleting the group">
            <span>Stop every consumer and delete its offsets?</span>
            <button type="button" className="danger" disabled={remove.pending} onClick={() => void remove.run({ groupId })}>Delete</button>
            <button type="button" onClick={() => setConfirming(false)} autoFocus>Keep</button>
          </span>
        )}
      </div>
      {add.error && <p className="field-error" role="alert">{add.error.message}</p>}
      {remove.error && <p className="field-error" role="alert">{remove.error.message}</p>}
      <details className="seek-details">
        <summary>Seek (reset offsets)</summary>
        <SeekControls groupId={groupId} partitions={partitions} />
      </details>
    </div>
  );
}
