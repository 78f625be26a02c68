/** Whether a key press goes to a text field (so page-wide key shortcuts leave it alone). */
export function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type)
  );
}

/** A plain key press: no modifier, not held down, not typed into a text field. */
export const plainKey = (e: KeyboardEvent): boolean =>
  !(e.ctrlKey || e.metaKey || e.altKey || e.repeat || typing(e.target));
