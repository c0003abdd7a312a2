import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'manual';

/**
 * The clipboard API exists only in secure contexts; a classroom opening Lanes at http://10.0.0.5
 * has none, so fall back to the older copy command on a hidden text area.
 */
async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: try the fallback.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export function CopyButton({ text, what }: { text: string; what: string }) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <span className="copy-button">
      <button type="button" onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'manual'))} aria-label={`Copy ${what}`}>
        Copy
      </button>
      <span className="copy-status" aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'manual' ? 'Copy blocked here: select the text and press Ctrl+C' : ''}
      </span>
    </span>
  );
}
