import { useMemo, type ButtonHTMLAttributes } from 'react';
import { useDashboard } from '../state/dashboard-store';
import { controlGate, type ControlGate } from './connection-words';

/** Whether this browser may change things right now, and why not (see connection-words.ts). */
export function useControlGate(): ControlGate {
  const link = useDashboard((s) => s.link);
  const connection = useDashboard((s) => s.connection);
  return useMemo(() => controlGate(link, connection), [link, connection]);
}

type GatedButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> & {
  gate: ControlGate;
};

/**
 * A button that changes something. When this browser may not (a viewer, or the gateway is away) it
 * stays focusable but inert, with `aria-disabled` and a tooltip that says why: a natively disabled
 * button would show no tooltip and vanish from keyboard navigation.
 */
export function GatedButton({ gate, onClick, title, className, ...rest }: GatedButtonProps) {
  return (
    <button
      type="button"
      {...rest}
      className={className}
      aria-disabled={gate.allowed ? undefined : true}
      title={gate.reason ?? title}
      onClick={gate.allowed ? onClick : (event) => event.preventDefault()}
    />
  );
}
