/**
 * A modal dialog on the platform's own <dialog> element: showModal() puts it in the top layer, makes the
 * rest of the page inert, moves focus into it and closes it on Esc, and focus returns to the control that
 * opened it — the focus handling a headless library would give, with no styles injected into the page
 * (the CSP allows no inline <style>). `variant="drawer"` slides in from the side.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog({
  open,
  onClose,
  title,
  children,
  variant = 'modal',
  className = '',
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  variant?: 'modal' | 'drawer';
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog ${variant} ${className}`}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === ref.current) onClose();
      }}
    >
      <div className="dialog-body">
        <header className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label={`Close ${title}`}>
            ✕
          </button>
        </header>
        {open && children}
      </div>
    </dialog>
  );
}
