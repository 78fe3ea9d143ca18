/**
 * Whether a key press on `target` is typing: the focus is in a text field,
 * a list box or editable content, where plain keys are the user's text and
 * not shortcuts.
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    target.isContentEditable === true
  );
}
