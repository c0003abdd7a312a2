import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** Marks the dialog for the keyboard shortcuts ("help" lets "?" close it). */
  kind?: string;
  wide?: boolean;
  children: ReactNode;
}

/**
 * A modal on the native <dialog>: the browser traps focus, closes it on Escape and returns focus to
 * the control that opened it. Its content mounts only while open, so a form starts fresh each time.
 */
export function Dialog({ open, onClose, title, kind, wide, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={wide ? 'lanes-dialog wide' : 'lanes-dialog'}
      aria-labelledby={titleId}
      data-dialog={kind}
      onClose={onClose}
      // A click on the backdrop lands on the <dialog> itself; clicks inside land on its content.
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open && (
        <div className="dialog-content">
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </header>
          {children}
        </div>
      )}
    </dialog>
  );
}
