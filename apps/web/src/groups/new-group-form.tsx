import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { limits, type Assignor, type CommitMode } from '@lanes/events';
import { useCommand } from '../connection/gateway-context';
import { useDashboard } from '../state/dashboard-store';
import { useView } from '../state/view-store';
import { errorFor, generalError } from './field-errors';
import { ASSIGNOR_OPTIONS, COMMIT_MODE_OPTIONS, OFFSET_RESET_OPTIONS, explanationOf } from './group-options';

const FIELDS = ['groupId', 'topics', 'assignor', 'autoOffsetReset', 'commitMode', 'sessionTimeoutMs', 'consumers'];

/** A group id nobody uses yet, so a demo can start with one click. */
function freeGroupId(taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`group-${n}`)) return `group-${n}`;
}

/** "New group": every setting that is a lesson, each with the one line that explains it. */
export function NewGroupForm({ onDone }: { onDone: () => void }) {
  const id = useId();
  const topicNames = useDashboard(useShallow((s) => s.topics.map((t) => t.name)));
  const groupIds = useDashboard(useShallow((s) => Object.keys(s.groups)));
  const selectedTopic = useView((v) => v.topic);
  const create = useCommand('group:create');

  const [groupId, setGroupId] = useState(() => freeGroupId(groupIds));
  const [topics, setTopics] = useState<string[]>(() => (selectedTopic ? [selectedTopic] : []));
  const [assignor, setAssignor] = useState<Assignor>('range');
  const [autoOffsetReset, setAutoOffsetReset] = useState<'earliest' | 'latest'>('earliest');
  const [commitMode, setCommitMode] = useState<CommitMode>('per-batch');
  const [sessionSeconds, setSessionSeconds] = useState('10');
  const [consumers, setConsumers] = useState('2');

  const toggleTopic = (name: string) => setTopics((current) => (current.includes(name) ? current.filter((t) => t !== name) : [...current, name]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run({
      groupId: groupId.trim(),
      topics,
      assignor,
      autoOffsetReset,
      commitMode,
      sessionTimeoutMs: Math.round(Number(sessionSeconds) * 1000),
      consumers: Number(consumers),
    });
    if (result.ok) onDone();
  };

  const fieldError = (field: string) => {
    const message = errorFor(create.error, field);
    return message && <p className="field-error" role="alert">{message}</p>;
  };
  const general = generalError(create.error, FIELDS);

  return (
    <form className="new-group" onSubmit={submit} aria-label="New consumer group">
      <label htmlFor={`${id}-group`}>Group id</label>
      <input id={`${id}-group`} aria-invalid={errorFor(create.error, 'groupId') ? true : undefined} value={groupId} onChange={(e) => setGroupId(e.target.value)} required autoComplete="off" spellCheck={false} />
      {fieldError('groupId')}

      <fieldset>
        <legend>Topics</legend>
        {topicNames.length === 0 && <p className="muted">Create a topic first (top bar).</p>}
        <div className="topic-checks">
          {topicNames.map((name) => (
            <label key={name} className="check">
              <input type="checkbox" checked={topics.includes(name)} onChange={() => toggleTopic(name)} />
              {name}
            </label>
          ))}
        </div>
        {fieldError('topics')}
      </fieldset>

      <label htmlFor={`${id}-assignor`}>Assignor</label>
      <select id={`${id}-assignor`} value={assignor} onChange={(e) => setAssignor(e.target.value as Assignor)} aria-describedby={`${id}-assignor-help`}>
        {ASSIGNOR_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      <p id={`${id}-assignor-help`} className="help muted">{explanationOf(ASSIGNOR_OPTIONS, assignor)} Eager protocol: every rebalance revokes everything first.</p>

      <fieldset>
        <legend>auto.offset.reset</legend>
        {OFFSET_RESET_OPTIONS.map((option) => (
          <label key={option.value} className="check">
            <input type="radio" name={`${id}-reset`} value={option.value} checked={autoOffsetReset === option.value} onChange={() => setAutoOffsetReset(option.value)} />
            <span><strong>{option.label}</strong> <span className="muted">{option.explanation}</span></span>
          </label>
        ))}
      </fieldset>

      <label htmlFor={`${id}-commit`}>Commit</label>
      <select id={`${id}-commit`} value={commitMode} onChange={(e) => setCommitMode(e.target.value as CommitMode)} aria-describedby={`${id}-commit-help`}>
        {COMMIT_MODE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      <p id={`${id}-commit-help`} className="help muted">{explanationOf(COMMIT_MODE_OPTIONS, commitMode)}</p>

      <div className="field-pair">
        <div>
          <label htmlFor={`${id}-session`}>Session timeout (s)</label>
          <input id={`${id}-session`} type="number" min={limits.minSessionTimeoutMs / 1000} max={limits.maxSessionTimeoutMs / 1000} step="any" value={sessionSeconds} onChange={(e) => setSessionSeconds(e.target.value)} aria-describedby={`${id}-session-help`} />
        </div>
        <div>
          <label htmlFor={`${id}-consumers`}>Consumers</label>
          <input id={`${id}-consumers`} type="number" min={0} max={limits.maxConsumersPerGroup} step={1} value={consumers} onChange={(e) => setConsumers(e.target.value)} />
        </div>
      </div>
      <p id={`${id}-session-help`} className="help muted">How long the broker waits for a silent (crashed) consumer. Short values make crash demos quick.</p>
      {fieldError('sessionTimeoutMs')}
      {fieldError('consumers')}

      <div className="form-actions">
        <button type="submit" className="primary" disabled={create.pending}>{create.pending ? 'Creating…' : 'Create group'}</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
      {general && <p className="field-error" role="alert">{general}</p>}
    </form>
  );
}
