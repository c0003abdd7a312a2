import { useId, useState, type FormEvent } from 'react';
import type { SeekTarget, TopicPartition } from '@lanes/events';
import { useCommand } from '../connection/gateway-context';
import { errorFor } from './field-errors';

type SeekKind = SeekTarget['kind'];

const KIND_HELP: Record<SeekKind, string> = {
  earliest: 'Every partition back to its log start: the group reads everything still kept again.',
  latest: 'Every partition to its log end: skip what is waiting (lag drops to zero, those records are never processed).',
  offset: 'One offset, on one partition or on all of them.',
  timestamp: 'The first record at or after a time, per partition (ListOffsets by timestamp).',
};

/** Local date-time input value for "now minus a minute": a sensible first timestamp to try. */
function aMinuteAgo(): string {
  const date = new Date(Date.now() - 60_000);
  date.setMinutes(date.getMinutes() - date.getTimezoneOffset());
  return date.toISOString().slice(0, 19);
}

/** Moves the group's positions (and commits them), as kafka-consumer-groups --reset-offsets does. */
export function SeekControls({ groupId, partitions }: { groupId: string; partitions: TopicPartition[] }) {
  const id = useId();
  const seek = useCommand('group:seek');
  const [kind, setKind] = useState<SeekKind>('earliest');
  const [offset, setOffset] = useState('0');
  const [partition, setPartition] = useState('all');
  const [time, setTime] = useState(aMinuteAgo);
  const [localError, setLocalError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setLocalError(null);
    setDone(null);
    let to: SeekTarget;
    if (kind === 'offset') {
      const value = Number(offset);
      if (offset.trim() === '' || !Number.isInteger(value) || value < 0) return setLocalError('Type an offset: a whole number, 0 or more.');
      to = partition === 'all' ? { kind, offset: value } : { kind, offset: value, partition: Number(partition) };
    } else if (kind === 'timestamp') {
      const at = new Date(time).getTime();
      if (!Number.isFinite(at)) return setLocalError('Pick a date and time to seek to.');
      to = { kind, timestamp: Math.max(0, at) };
    } else {
      to = { kind };
    }
    const result = await seek.run({ groupId, to });
    if (result.ok) setDone('Done: members continue from the new positions.');
  };

  const partitionNumbers = [...new Set(partitions.map((tp) => tp.partition))].sort((a, b) => a - b);
  const message = localError ?? errorFor(seek.error, 'to') ?? seek.error?.message ?? null;

  return (
    <form className="seek-controls" onSubmit={submit} aria-label={`Seek ${groupId}`}>
      <div className="seek-row">
        <label htmlFor={`${id}-kind`}>Seek to</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as SeekKind)}>
          <option value="earliest">earliest</option>
          <option value="latest">latest</option>
          <option value="offset">offset</option>
          <option value="timestamp">time</option>
        </select>
        {kind === 'offset' && (
          <>
            <label className="visually-hidden" htmlFor={`${id}-offset`}>Offset</label>
            <input id={`${id}-offset`} className="offset-input" type="number" min={0} step={1} value={offset} onChange={(e) => setOffset(e.target.value)} />
            <label className="visually-hidden" htmlFor={`${id}-partition`}>Partition</label>
            <select id={`${id}-partition`} value={partition} onChange={(e) => setPartition(e.target.value)}>
              <option value="all">all partitions</option>
              {partitionNumbers.map((p) => (
                <option key={p} value={String(p)}>P{p}</option>
              ))}
            </select>
          </>
        )}
        {kind === 'timestamp' && (
          <>
            <label className="visually-hidden" htmlFor={`${id}-time`}>Time</label>
            <input id={`${id}-time`} type="datetime-local" step={1} value={time} onChange={(e) => setTime(e.target.value)} />
          </>
        )}
        <button type="submit" disabled={seek.pending}>{seek.pending ? 'Seeking…' : 'Seek'}</button>
      </div>
      <p className="help muted">{KIND_HELP[kind]}</p>
      {message && <p className="field-error" role="alert">{message}</p>}
      {done && !message && <p className="ok-note" role="status">{done}</p>}
    </form>
  );
}
