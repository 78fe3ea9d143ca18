import { describe } from './apiError';

/** A message shown at the bottom of the window until dismissed. */
export interface Notice {
  id: number;
  tone: 'error' | 'info';
  text: string;
  /** A button on the message, e.g. Undo. */
  action?: { label: string; run: () => void };
}

let next = 1;

/** The messages currently shown; the window renders this list. */
export const notices = $state<Notice[]>([]);

/** Shows a readable message for a failure, so nothing fails silently. */
export function showError(e: unknown, context?: string): void {
  const text = context ? `${context}: ${describe(e)}` : describe(e);
  notices.push({ id: next++, tone: 'error', text });
}

/** Shows a short confirmation that goes away by itself. */
export function showInfo(text: string): void {
  const id = next++;
  notices.push({ id, tone: 'info', text });
  setTimeout(() => dismiss(id), 4000);
}

/**
 * Says what was just done, with an Undo button; it stays long enough to
 * reach for (10 s), and Undo dismisses it.
 */
export function showUndo(text: string, undo: () => void): void {
  const id = next++;
  notices.push({
    id,
    tone: 'info',
    text,
    action: {
      label: 'Undo',
      run: () => {
        dismiss(id);
        undo();
      },
    },
  });
  setTimeout(() => dismiss(id), 10000);
}

/** Removes a message. */
export function dismiss(id: number): void {
  const i = notices.findIndex((n) => n.id === id);
  if (i >= 0) notices.splice(i, 1);
}
