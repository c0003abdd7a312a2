import { useId, useState, type FormEvent } from 'react';
import { limits } from '@lanes/events';
import { useCommand } from '../connection/gateway-context';
import { dashboardStore } from '../state/dashboard-store';
import { viewStore } from '../state/view-store';
import { Dialog } from './dialog';
import { openTopicDialog, useTopicDialog } from './top-bar-dialogs';
import {
  emptyNewTopic,
  errorsFromCommand,
  parseNewTopic,
  RETENTION_SIZES,
  RETENTION_TIMES,
  SEGMENT_SIZES,
  type FieldErrors,
  type NewTopicField,
  type NewTopicFields,
} from './topic-forms';

const FIELDS: readonly NewTopicField[] = ['name', 'partitions', 'segmentBytes', 'retentionMs', 'retentionBytes'];

export function NewTopicDialog() {
  const open = useTopicDialog() === 'new-topic';
  return (
    <Dialog open={open} onClose={() => openTopicDialog(null)} title="New topic">
      <NewTopicForm />
    </Dialog>
  );
}

function NewTopicForm() {
  const id = useId();
  const create = useCommand('topic:create');
  const [fields, setFields] = useState<NewTopicFields>(emptyNewTopic);
  const [errors, setErrors] = useState<FieldErrors<NewTopicField>>({});

  const set = <K extends keyof NewTopicFields>(field: K, value: NewTopicFields[K]) => {
    setFields((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: undefined, form: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseNewTopic(
      fields,
      dashboardStore.getState().topics.map((t) => t.name),
    );
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    const result = await create.run(parsed.value);
    if (!result.ok) {
      setErrors(errorsFromCommand(result.error, FIELDS));
      return;
    }
    viewStore.setState({ topic: result.data.name });
    openTopicDialog(null);
  }

  const errorId = (field: NewTopicField | 'form') => `${id}-${field}-error`;
  const describedBy = (field: NewTopicField, hint?: string) => [errors[field] ? errorId(field) : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  const error = (field: NewTopicField | 'form') =>
    errors[field] ? (
      <p id={errorId(field)} className="field-error" role="alert">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form className="dialog-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="form-field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder="orders"
          value={fields.name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy('name', `${id}-name-hint`)}
          onChange={(event) => set('name', event.target.value)}
        />
        <p id={`${id}-name-hint`} className="hint muted">
          Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.
        </p>
        {error('name')}
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-partitions`}>Partitions</label>
        <input
          id={`${id}-partitions`}
          type="number"
          inputMode="numeric"
          min={1}
          max={limits.maxPartitions}
          value={fields.partitions}
          aria-invalid={errors.partitions ? true : undefined}
          aria-describedby={describedBy('partitions', `${id}-partitions-hint`)}
          onChange={(event) => set('partitions', event.target.value)}
        />
        <p id={`${id}-partitions-hint`} className="hint muted">
          One lane each. Lanes stays readable up to 64.
        </p>
        {error('partitions')}
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-segment`}>Segment size</label>
        <select
          id={`${id}-segment`}
          value={fields.segmentBytes}
          aria-invalid={errors.segmentBytes ? true : undefined}
          aria-describedby={describedBy('segmentBytes', `${id}-segment-hint`)}
          onChange={(event) => set('segmentBytes', Number(event.target.value))}
        >
          {SEGMENT_SIZES.map((size) => (
            <option key={size.bytes} value={size.bytes}>
              {size.label}
            </option>
          ))}
        </select>
        <p id={`${id}-segment-hint`} className="hint muted">
          Small segments roll visibly: each lane shows where a new segment starts.
        </p>
        {error('segmentBytes')}
      </div>
      <fieldset className="form-field">
        <legend>Retention: when old segments are deleted</legend>
        <div className="retention-pair">
          <label>
            <span className="sub-label">Keep for</span>
            <select value={String(fields.retentionMs)} onChange={(event) => set('retentionMs', event.target.value === 'null' ? null : Number(event.target.value))}>
              {RETENTION_TIMES.map((time) => (
                <option key={String(time.ms)} value={String(time.ms)}>
                  {time.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="sub-label">Keep at most</span>
            <select value={String(fields.retentionBytes)} onChange={(event) => set('retentionBytes', event.target.value === 'null' ? null : Number(event.target.value))}>
              {RETENTION_SIZES.map((size) => (
                <option key={String(size.bytes)} value={String(size.bytes)}>
                  {size.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="hint muted">Kafka deletes whole closed segments, never single records: pair small segments with a short retention to watch it.</p>
        {error('retentionMs')}
        {error('retentionBytes')}
      </fieldset>
      {error('form')}
      <div className="dialog-actions">
        <button type="button" onClick={() => openTopicDialog(null)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={create.pending}>
          {create.pending ? 'Creating…' : 'Create topic'}
        </button>
      </div>
    </form>
  );
}
