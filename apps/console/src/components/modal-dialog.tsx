import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal window (the browser's own `<dialog>`: it traps focus, closes on Escape and hides the
 * page from assistive technology meanwhile). Closing it any way calls `onClose`; its content
 * exists only while it is open.
 */
export function ModalDialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} aria-labelledby={titleId} onClose={() => open && onClose()}>
      <h2 id={titleId}>{title}</h2>
      {/* Made afresh at each opening: a form in it starts empty, and is not in the page meanwhile. */}
      {open && children}
    </dialog>
  );
}
