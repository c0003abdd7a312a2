import type { Acks } from './produce-request';
import { ACKS_OPTIONS } from './producer-options';

interface AcksPickerProps {
  value: Acks;
  onChange: (acks: Acks) => void;
  error?: string | undefined;
}

/** acks 0 / 1 / all, with the one-line meaning of the chosen value. */
export function AcksPicker({ value, onChange, error }: AcksPickerProps) {
  const chosen = ACKS_OPTIONS.find((option) => option.value === value);
  return (
    <fieldset className="field acks-picker" aria-describedby="producer-acks-help">
      <legend>acks</legend>
      <div className="segmented">
        {ACKS_OPTIONS.map((option) => (
          <label key={option.value} className={option.value === value ? 'selected' : undefined} title={option.explanation}>
            <input type="radio" name="producer-acks" value={option.value} checked={option.value === value} onChange={() => onChange(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
      <p id="producer-acks-help" className="muted help">
        {chosen?.explanation}
      </p>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
