/**
 * The text field of the step panel that an expression from the data panel goes into: the one
 * focused, else the one focused last (a click in the data panel may take the focus first).
 */
let lastField: HTMLInputElement | HTMLTextAreaElement | undefined;

const textTypes = new Set(['text', 'search', 'url', '']);

/** Whether a field takes an inserted expression: text inputs and text areas of the step panel, not its id. */
export function takesExpressions(el: EventTarget | null): el is HTMLInputElement | HTMLTextAreaElement {
  if (!(el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && textTypes.has(el.getAttribute('type') ?? '')))) return false;
  return el.closest('[data-testid="node-panel"]') !== null && el.closest('[data-testid="step-data"]') === null && el.id !== 'wfe-node-id';
}

/** Remembers the step panel's field the founder last worked in (one listener for the page). */
export function trackFieldFocus(): () => void {
  const onFocus = (e: FocusEvent) => {
    if (takesExpressions(e.target)) lastField = e.target;
  };
  document.addEventListener('focusin', onFocus);
  return () => document.removeEventListener('focusin', onFocus);
}

export function targetField(): HTMLInputElement | HTMLTextAreaElement | undefined {
  const active = document.activeElement;
  if (takesExpressions(active)) return active;
  return lastField?.isConnected ? lastField : undefined;
}

/**
 * Types text into a field at its caret, as the keyboard would: React sees the change, the
 * browser's own undo has it, and the caret ends after it.
 */
export function insertAtCaret(el: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  el.focus();
  el.setSelectionRange(start, end);
  if (document.execCommand('insertText', false, text)) return;
  // no insertText (an old engine): set the value the way React notices, then the caret
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, el.value.slice(0, start) + text + el.value.slice(end));
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.setSelectionRange(start + text.length, start + text.length);
}
