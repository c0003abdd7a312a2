import { useId, useState, type FormEvent } from 'react';
import { limits, type PartitionsAddResult } from '@lanes/events';
import { profileById } from '@lanes/partitioners';
import { useCommand } from '../connection/gateway-context';
import { keyColor } from '../lanes/key-colors';
import { addTimeline, useDashboard } from '../state/dashboard-store';
import { useView } from '../state/view-store';
import { Dialog } from './dialog';
import { movedKeysSummary, type MovedKeysSummary } from './moved-keys-summary';
import { openTopicDialog, useTopicDialog } from './top-bar-dialogs';
import { errorsFromCommand, parsePartitionTotal, type FieldErrors } from './topic-forms';

interface Outcome {
  result: PartitionsAddResult;
  summary: MovedKeysSummary;
}

export function AddPartitionsDialog() {
  const open = useTopicDialog() === 'add-partitions';
  const topic = useView((v) => v.topic);
  return (
    <Dialog open={open} onClose={() => openTopicDialog(null)} title={topic ? `Add partitions to ${topic}` : 'Add partitions'}>
      {topic ? <AddPartitions topic={topic} /> : <p>Select a topic first.</p>}
    </Dialog>
  );
}

function AddPartitions({ topic }: { topic: string }) {
  const current = useDashboard((s) => s.topics.find((t) => t.name === topic)?.partitions.length ?? 0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return outcome ? <MovedKeys topic={topic} outcome={outcome} /> : <AddPartitionsForm topic={topic} current={current} onDone={setOutcome} />;
}

function AddPartitionsForm({ topic, current, onDone }: { topic: string; current: number; onDone: (outcome: Outcome) => void }) {
  const id = useId();
  const add = useCommand('partitions:add');
  const [total, setTotal] = useState(String(current + 1));
  const [errors, setErrors] = useState<FieldErrors<'partitions'>>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parsePartitionTotal(total, current);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    const result = await add.run({ name: topic, partitions: parsed.value });
    if (!result.ok) {
      setErrors(errorsFromCommand(result.error, ['partitions']));
      return;
    }
    const summary = summarize(current, result.data);
    // The lesson stays in the timeline after the dialog closes.
    addTimeline({ kind: 'topic', topic, text: `${topic}: ${summary.sentence}` });
    onDone({ result: result.data, summary });
  }

  return (
    <form className="dialog-form" onSubmit={(event) => void submit(event)} noValidate>
      <p>
        <strong>{topic}</strong> has <strong>{current}</strong> {current === 1 ? 'partition' : 'partitions'}. Kafka can only add partitions; records already written stay where they are.
      </p>
      <div className="form-field">
        <label htmlFor={`${id}-total`}>New total</label>
        <input
          id={`${id}-total`}
          type="number"
          inputMode="numeric"
          autoFocus
          min={current + 1}
          max={limits.maxPartitions}
          value={total}
          aria-invalid={errors.partitions ? true : undefined}
          aria-describedby={errors.partitions ? `${id}-error` : `${id}-hint`}
          onChange={(event) => {
            setTotal(event.target.value);
            setErrors({});
          }}
        />
        <p id={`${id}-hint`} className="hint muted">
          Afterwards Lanes shows which recent keys now hash to a different partition.
        </p>
        {errors.partitions && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {errors.partitions}
          </p>
        )}
      </div>
      {errors.form && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => openTopicDialog(null)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={add.pending}>
          {add.pending ? 'Adding…' : 'Add partitions'}
        </button>
      </div>
    </form>
  );
}

function partitionerLabel(profile: string): string {
  try {
    return profileById(profile).label;
  } catch {
    return profile;
  }
}

function summarize(before: number, result: PartitionsAddResult): MovedKeysSummary {
  // The gateway does not (yet) say how many keys it compared; read it if a later version does.
  const keysChecked = 'keysChecked' in result && typeof result.keysChecked === 'number' ? result.keysChecked : undefined;
  return movedKeysSummary({
    before,
    after: result.topic.partitions.length,
    movedKeys: result.movedKeys,
    keysChecked,
    partitionerLabel: result.movedKeys.length ? partitionerLabel(result.profile) : undefined,
  });
}

/** The lesson: which keys now go elsewhere, each in its key colour as in the lanes. */
function MovedKeys({ topic, outcome }: { topic: string; outcome: Outcome }) {
  const theme = useView((v) => v.theme);
  const { result, summary } = outcome;
  return (
    <div className="moved-keys" aria-live="polite">
      <p className="moved-headline">{summary.headline}</p>
      {result.movedKeys.length > 0 && (
        <ul className="moved-list" aria-label={`Keys of ${topic} that now go to another partition`}>
          {result.movedKeys.map((move) => (
            <li key={move.key}>
              <span className="moved-swatch" style={{ background: keyColor(move.key, theme) }} aria-hidden="true" />
              <code>{move.key}</code>
              <span>
                p{move.from} → <strong>p{move.to}</strong>
              </span>
            </li>
          ))}
        </ul>
      )}
      {summary.lesson && <p className="moved-lesson">{summary.lesson}</p>}
      {summary.tip && <p className="muted">{summary.tip}</p>}
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={() => openTopicDialog(null)}>
          Done
        </button>
      </div>
    </div>
  );
}
