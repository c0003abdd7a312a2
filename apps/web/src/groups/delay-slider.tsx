import { useEffect, useId, useRef, useState } from 'react';
import { useCommand } from '../connection/gateway-context';
import { DELAY_STEPS_MS, delayAtStep, formatDelay, stepForDelay } from './delay-scale';

const DEBOUNCE_MS = 250;

/**
 * How long this consumer "works" on each record. A slow consumer builds lag on its partitions and
 * makes a crash mid-batch likely, which is when at-least-once re-delivery becomes visible.
 */
export function DelaySlider({ groupId, consumerId, delayMs, disabled }: { groupId: string; consumerId: string; delayMs: number; disabled: boolean }) {
  const id = useId();
  const setDelay = useCommand('consumer:delay');
  const [step, setStep] = useState(() => stepForDelay(delayMs));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dragging = useRef(false);

  // Follow the gateway's value (another presenter tab, or a reconnect), except mid-drag.
  useEffect(() => {
    if (!dragging.current) setStep(stepForDelay(delayMs));
  }, [delayMs]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const change = (next: number) => {
    setStep(next);
    dragging.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      dragging.current = false;
      void setDelay.run({ groupId, consumerId, delayMs: delayAtStep(next) });
    }, DEBOUNCE_MS);
  };

  const value = delayAtStep(step);
  return (
    <div className="delay-slider">
      <label htmlFor={id} title="How long this consumer works on each record">
        <span className="visually-hidden">Processing </span>Delay
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={DELAY_STEPS_MS.length - 1}
        step={1}
        value={step}
        disabled={disabled}
        aria-valuetext={formatDelay(value)}
        onChange={(e) => change(Number(e.target.value))}
      />
      <output htmlFor={id}>{formatDelay(value)}</output>
      {setDelay.error && <p className="field-error" role="alert">{setDelay.error.message}</p>}
    </div>
  );
}
