// Every keyboard shortcut is one record: the keys and label the help shows,
// and the action that reads a key press. The help dialog and the key
// handlers are both derived from SHORTCUTS, so they cannot disagree.

/** What a key press asks the app to do. */
export type Shortcut =
  | { action: 'new-claim' }
  | { action: 'search' }
  | { action: 'set-verdict'; index: number }
  | { action: 'new-source' }
  | { action: 'export' }
  | { action: 'compare' }
  | { action: 'help' }
  | { action: 'next-difference' }
  | { action: 'previous-difference' }
  | { action: 'claim-from-difference' }
  | { action: 'close-dialog' }
  | { action: 'search-everything' }
  | { action: 'quotes' }
  | { action: 'review-next' }
  | { action: 'review-previous' }
  | { action: 'review-accept' }
  | { action: 'review-keep' }
  | { action: 'review-open' }
  | { action: 'timeline' }
  | { action: 'timeline-next' }
  | { action: 'timeline-previous' }
  | { action: 'timeline-open' }
  | { action: 'checkworthy' }
  | { action: 'merge-into' }
  | { action: 'claim-next' }
  | { action: 'claim-previous' }
  | { action: 'claim-first' }
  | { action: 'claim-last' };

/**
 * Where a shortcut is heard: the whole window, the Compare view, an open
 * dialog (which holds the window's shortcuts back while it is open), the
 * review queue, the timeline or the claims list.
 */
export type Scope = 'window' | 'compare' | 'dialog' | 'review' | 'timeline' | 'claims';

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

/** One shortcut: what the help shows and what a key press does. */
export interface ShortcutRecord {
  /** The keys as the help shows them; "or" and "…" join alternatives. */
  keys: string;
  /** What the shortcut does, in the help's words. */
  label: string;
  scope: Scope;
  /** The shortcut a key press makes, or null when the press is not this one. */
  action: (k: KeyPress) => Shortcut | null;
}

/** Ctrl on Linux and Windows, Cmd on a Mac. */
const mod = (k: KeyPress) => k.ctrlKey || k.metaKey;
const plain = (k: KeyPress) => !mod(k) && !k.altKey && !k.shiftKey;
/** Ctrl (or Cmd) and `letter`, with Shift only when `shift` says so. */
const ctrl = (k: KeyPress, letter: string, shift = false) =>
  mod(k) && !k.altKey && k.shiftKey === shift && k.key.toLowerCase() === letter;

export const SHORTCUTS: ShortcutRecord[] = [
  {
    keys: 'Ctrl+N',
    label: 'New claim',
    scope: 'window',
    action: (k) => (ctrl(k, 'n') ? { action: 'new-claim' } : null),
  },
  {
    keys: 'Ctrl+F',
    label: 'Search claims',
    scope: 'window',
    // Ctrl+F works from a text field too.
    action: (k) => (ctrl(k, 'f') ? { action: 'search' } : null),
  },
  {
    keys: 'Alt+1 … Alt+9',
    label: 'Set the selected claim’s verdict',
    scope: 'window',
    action: (k) => {
      if (!k.altKey || mod(k)) return null;
      // The key may come out as a symbol on some layouts, so read the code too.
      const digit = /^Digit([1-9])$/.exec(k.code ?? '')?.[1] ?? (/^[1-9]$/.test(k.key) ? k.key : null);
      return digit ? { action: 'set-verdict', index: Number(digit) - 1 } : null;
    },
  },
  {
    keys: 'Ctrl+Shift+S',
    label: 'Add a source',
    scope: 'window',
    action: (k) => (ctrl(k, 's', true) ? { action: 'new-source' } : null),
  },
  {
    keys: 'Ctrl+E',
    label: 'Export a report…',
    scope: 'window',
    action: (k) => (ctrl(k, 'e') ? { action: 'export' } : null),
  },
  {
    keys: 'Alt+C',
    label: 'Compare sources',
    scope: 'window',
    // The key may be a symbol on some layouts (Alt+C types ç on a Mac), so read the code too.
    action: (k) =>
      k.altKey && !mod(k) && !k.shiftKey && (k.code === 'KeyC' || k.key.toLowerCase() === 'c')
        ? { action: 'compare' }
        : null,
  },
  {
    keys: 'j / k (or n / p), Enter',
    label: 'Compare: next / previous difference, create a claim from it',
    scope: 'compare',
    action: (k) => {
      if (k.typing || mod(k) || k.altKey || k.shiftKey) return null;
      if (k.key === 'Enter') return { action: 'claim-from-difference' };
      const key = k.key.toLowerCase();
      if (key === 'j' || key === 'n') return { action: 'next-difference' };
      if (key === 'k' || key === 'p') return { action: 'previous-difference' };
      return null;
    },
  },
  {
    keys: '?',
    label: 'Show these shortcuts',
    scope: 'window',
    // "?" is Shift+/ on most layouts, so Shift may or may not be reported.
    action: (k) => (!mod(k) && !k.altKey && k.key === '?' && !k.typing ? { action: 'help' } : null),
  },
  {
    keys: 'Escape',
    label: 'Close a dialog',
    scope: 'dialog',
    action: (k) => (k.key === 'Escape' ? { action: 'close-dialog' } : null),
  },
  {
    keys: 'Ctrl+K or /',
    label: 'Search every source and claim',
    scope: 'window',
    // Ctrl+K works from a text field too; a plain slash there is typing.
    action: (k) => (ctrl(k, 'k') || (plain(k) && k.key === '/' && !k.typing) ? { action: 'search-everything' } : null),
  },
  {
    keys: 'Alt+Q',
    label: 'Quotes: who said what, across outlets',
    scope: 'window',
    action: (k) =>
      k.altKey && !mod(k) && !k.shiftKey && (k.code === 'KeyQ' || k.key.toLowerCase() === 'q')
        ? { action: 'quotes' }
        : null,
  },
  {
    keys: 'j / k, a, s, Enter',
    label: 'Passages to review: next / previous, accept the new version, keep the old one, open the claim',
    scope: 'review',
    action: (k) => {
      if (k.typing || mod(k) || k.altKey || k.shiftKey) return null;
      if (k.key === 'Enter') return { action: 'review-open' };
      const key = k.key.toLowerCase();
      if (key === 'j') return { action: 'review-next' };
      if (key === 'k') return { action: 'review-previous' };
      if (key === 'a') return { action: 'review-accept' };
      if (key === 's') return { action: 'review-keep' };
      return null;
    },
  },
  {
    keys: 'Alt+T',
    label: 'Timeline: every dated event by day, across outlets, with claims’ deadlines',
    scope: 'window',
    action: (k) =>
      k.altKey && !mod(k) && !k.shiftKey && (k.code === 'KeyT' || k.key.toLowerCase() === 't')
        ? { action: 'timeline' }
        : null,
  },
  {
    keys: 'j / k, Enter',
    label: 'Timeline: next / previous event, open its passage in the reader',
    scope: 'timeline',
    action: (k) => {
      if (k.typing || mod(k) || k.altKey || k.shiftKey) return null;
      if (k.key === 'Enter') return { action: 'timeline-open' };
      const key = k.key.toLowerCase();
      if (key === 'j') return { action: 'timeline-next' };
      if (key === 'k') return { action: 'timeline-previous' };
      return null;
    },
  },
  {
    keys: 'Alt+W',
    label: 'Check-worthy: the open source’s sentences most worth checking',
    scope: 'window',
    action: (k) =>
      k.altKey && !mod(k) && !k.shiftKey && (k.code === 'KeyW' || k.key.toLowerCase() === 'w')
        ? { action: 'checkworthy' }
        : null,
  },
  {
    keys: 'Alt+M',
    label: 'Merge the selected claim into another (it is a duplicate)',
    scope: 'window',
    action: (k) =>
      k.altKey && !mod(k) && !k.shiftKey && (k.code === 'KeyM' || k.key.toLowerCase() === 'm')
        ? { action: 'merge-into' }
        : null,
  },
  {
    keys: 'j / k, Home / End',
    label: 'Claims: next / previous claim, first / last claim',
    scope: 'claims',
    // Not while typing: Home and End move the cursor in the search box.
    action: (k) => {
      if (k.typing || mod(k) || k.altKey || k.shiftKey) return null;
      if (k.key === 'Home') return { action: 'claim-first' };
      if (k.key === 'End') return { action: 'claim-last' };
      const key = k.key.toLowerCase();
      if (key === 'j') return { action: 'claim-next' };
      if (key === 'k') return { action: 'claim-previous' };
      return null;
    },
  },
];

/** The shortcut list shown to the user, in the order of SHORTCUTS. */
export const SHORTCUT_HELP: { keys: string; does: string }[] = SHORTCUTS.map((s) => ({
  keys: s.keys,
  does: s.label,
}));

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

/** Maps a key press to a shortcut of `scope`, or null when it is ordinary typing. */
export function shortcutFor(k: KeyPress, scope: Scope = 'window'): Shortcut | null {
  for (const record of SHORTCUTS) {
    if (record.scope !== scope) continue;
    const s = record.action(k);
    if (s) return s;
  }
  return null;
}
