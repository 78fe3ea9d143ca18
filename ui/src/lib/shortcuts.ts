/** What a key press asks the app to do. */
export type Shortcut =
  | { action: 'new-claim' }
  | { action: 'search' }
  | { action: 'set-verdict'; index: number }
  | { action: 'new-source' }
  | { action: 'export' }
  | { action: 'compare' }
  | { action: 'help' };

/** The parts of a KeyboardEvent the shortcuts look at. */
export interface KeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** True when the focus is in a text field, where plain keys are typing. */
  typing: boolean;
}

/** The shortcut list shown to the user; one place so help and code agree. */
export const SHORTCUT_HELP: { keys: string; does: string }[] = [
  { keys: 'Ctrl+N', does: 'New claim' },
  { keys: 'Ctrl+F or /', does: 'Search claims' },
  { keys: 'Alt+1 … Alt+9', does: 'Set the selected claim’s verdict' },
  { keys: 'Ctrl+Shift+S', does: 'Add a source' },
  { keys: 'Ctrl+E', does: 'Export a report…' },
  { keys: 'Alt+C', does: 'Compare sources' },
  { keys: 'j / k (or n / p), Enter', does: 'Compare: next / previous difference, create a claim from it' },
  { keys: '?', does: 'Show these shortcuts' },
  { keys: 'Escape', does: 'Close a dialog' },
];

/**
 * The key press of a browser event. Spelled out field by field: spreading a
 * KeyboardEvent copies none of its key fields, which would lose Ctrl.
 */
export function keyPressOf(e: KeyboardEvent, typing: boolean): KeyPress {
  return {
    key: e.key,
    code: e.code,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    altKey: e.altKey,
    shiftKey: e.shiftKey,
    typing,
  };
}

/**
 * Whether a modal dialog is open. It owns the keyboard, so the window's
 * shortcuts wait until it closes (Ctrl+N must not open a form behind it).
 */
export function modalOpen(doc: Document = document): boolean {
  return doc.querySelector('[aria-modal="true"]') !== null;
}

/** Maps a key press to a shortcut, or null when it is ordinary typing. */
export function shortcutFor(k: KeyPress): Shortcut | null {
  const mod = k.ctrlKey || k.metaKey;
  const key = k.key.toLowerCase();
  if (mod && !k.altKey && !k.shiftKey && key === 'n') return { action: 'new-claim' };
  if (mod && !k.altKey && !k.shiftKey && key === 'f') return { action: 'search' };
  if (mod && k.shiftKey && !k.altKey && key === 's') return { action: 'new-source' };
  if (mod && !k.altKey && !k.shiftKey && key === 'e') return { action: 'export' };
  if (!mod && !k.altKey && !k.shiftKey && key === '/' && !k.typing) return { action: 'search' };
  // "?" is Shift+/ on most layouts, so Shift may or may not be reported.
  if (!mod && !k.altKey && key === '?' && !k.typing) return { action: 'help' };
  // Alt+C: the key may be a symbol on some layouts (Alt+C types ç on a Mac), so read the code too.
  if (k.altKey && !mod && !k.shiftKey && (k.code === 'KeyC' || key === 'c')) return { action: 'compare' };
  if (k.altKey && !mod) {
    // Alt+digit: the key may come out as a symbol on some layouts, so read the code too.
    const digit = /^Digit([1-9])$/.exec(k.code ?? '')?.[1] ?? (/^[1-9]$/.test(k.key) ? k.key : null);
    if (digit) return { action: 'set-verdict', index: Number(digit) - 1 };
  }
  return null;
}
