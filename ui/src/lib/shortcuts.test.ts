import { describe, expect, it } from 'vitest';
import { mount, unmount } from 'svelte';
import { SHORTCUTS, keyPressOf, modalOpen, shortcutFor, type KeyPress } from './shortcuts';
import ShortcutsDialog from '../views/workspace/ShortcutsDialog.svelte';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  typing: false,
  ...extra,
});

describe('shortcutFor', () => {
  it('Ctrl+N and Cmd+N start a new claim', () => {
    expect(shortcutFor(press('n', { ctrlKey: true }))).toEqual({ action: 'new-claim' });
    expect(shortcutFor(press('N', { metaKey: true }))).toEqual({ action: 'new-claim' });
  });

  // "/" moved from the claim list's search to the search of everything (sources and claims).
  it('slash searches everything, but not while typing in a field', () => {
    expect(shortcutFor(press('/'))).toEqual({ action: 'search-everything' });
    expect(shortcutFor(press('/', { typing: true }))).toBeNull();
  });

  it('Ctrl+K searches everything even from a text field', () => {
    expect(shortcutFor(press('k', { ctrlKey: true, typing: true }))).toEqual({ action: 'search-everything' });
  });

  it('? shows the shortcuts, but not while typing or with Ctrl', () => {
    expect(shortcutFor(press('?', { shiftKey: true }))).toEqual({ action: 'help' });
    expect(shortcutFor(press('?'))).toEqual({ action: 'help' });
    expect(shortcutFor(press('?', { shiftKey: true, typing: true }))).toBeNull();
    expect(shortcutFor(press('?', { ctrlKey: true }))).toBeNull();
  });

  it('Ctrl+F searches even from a text field', () => {
    expect(shortcutFor(press('f', { ctrlKey: true, typing: true }))).toEqual({ action: 'search' });
  });

  it('Alt+3 picks the third verdict of the scale, whatever symbol the layout types', () => {
    expect(shortcutFor(press('3', { altKey: true }))).toEqual({ action: 'set-verdict', index: 2 });
    expect(shortcutFor(press('£', { altKey: true, code: 'Digit3' }))).toEqual({
      action: 'set-verdict',
      index: 2,
    });
  });

  it('Alt+W opens the Check-worthy list of the reader, also where the layout types another letter', () => {
    expect(shortcutFor(press('w', { altKey: true }))).toEqual({ action: 'checkworthy' });
    expect(shortcutFor(press('∑', { altKey: true, code: 'KeyW' }))).toEqual({ action: 'checkworthy' });
    expect(shortcutFor(press('w', { altKey: true, ctrlKey: true }))).toBeNull();
  });

  it('Alt+C opens the Compare view, also where the layout types another letter', () => {
    expect(shortcutFor(press('c', { altKey: true }))).toEqual({ action: 'compare' });
    expect(shortcutFor(press('ç', { altKey: true, code: 'KeyC' }))).toEqual({ action: 'compare' });
    expect(shortcutFor(press('c'))).toBeNull();
  });

  it('Alt+T opens the Timeline, and j / k / Enter walk it only in its view', () => {
    expect(shortcutFor(press('t', { altKey: true }))).toEqual({ action: 'timeline' });
    expect(shortcutFor(press('†', { altKey: true, code: 'KeyT' }))).toEqual({ action: 'timeline' });
    expect(shortcutFor(press('j'), 'timeline')).toEqual({ action: 'timeline-next' });
    expect(shortcutFor(press('k'), 'timeline')).toEqual({ action: 'timeline-previous' });
    expect(shortcutFor(press('Enter'), 'timeline')).toEqual({ action: 'timeline-open' });
    expect(shortcutFor(press('j', { typing: true }), 'timeline')).toBeNull();
    expect(shortcutFor(press('j'))).toBeNull();
  });

  it('plain letters are typing, not shortcuts', () => {
    expect(shortcutFor(press('n'))).toBeNull();
    expect(shortcutFor(press('3'))).toBeNull();
  });
});

describe('export shortcut', () => {
  it('Ctrl+E opens Export… even from a text field, but plain e is typing', () => {
    const k = (key: string, extra: Partial<KeyPress>): KeyPress => ({
      key,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      typing: false,
      ...extra,
    });
    expect(shortcutFor(k('e', { ctrlKey: true, typing: true }))).toEqual({ action: 'export' });
    expect(shortcutFor(k('e', {}))).toBeNull();
  });
});

describe('keyPressOf', () => {
  it('keeps the modifiers of a real keyboard event, so Ctrl shortcuts reach the app', () => {
    const e = new KeyboardEvent('keydown', { key: 'e', code: 'KeyE', ctrlKey: true });
    expect(shortcutFor(keyPressOf(e, true))).toEqual({ action: 'export' });
    const n = new KeyboardEvent('keydown', { key: 'n', metaKey: true });
    expect(shortcutFor(keyPressOf(n, false))).toEqual({ action: 'new-claim' });
  });
});

describe('modalOpen', () => {
  it('holds the shortcuts back only while a modal dialog is in the page', () => {
    expect(modalOpen(document)).toBe(false);
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    document.body.append(dialog);
    expect(modalOpen(document)).toBe(true);
    dialog.remove();
    expect(modalOpen(document)).toBe(false);
  });
});

/**
 * The key presses a help entry names: "Ctrl+F or /" is two, "Alt+1 … Alt+9"
 * nine, "j / k (or n / p), Enter" five. Read the way a person would.
 */
function pressesOf(keys: string): KeyPress[] {
  const combos = keys
    .replace(/[()]/g, '')
    .split(/ or |, | \/ /)
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'or');
  const expanded = combos.flatMap((c) => {
    const range = /^(.*\+)(\d) … \1(\d)$/.exec(c);
    if (!range) return [c];
    const out: string[] = [];
    for (let d = Number(range[2]); d <= Number(range[3]); d++) out.push(`${range[1]}${d}`);
    return out;
  });
  return expanded.flatMap((combo) => {
    const parts = combo.split('+');
    const name = parts.pop() ?? '';
    const shiftKey = parts.includes('Shift') || name === '?';
    const letter = /^[A-Za-z]$/.test(name);
    const key = letter ? (shiftKey ? name.toUpperCase() : name.toLowerCase()) : name;
    const code = letter ? `Key${name.toUpperCase()}` : /^\d$/.test(name) ? `Digit${name}` : undefined;
    const press: KeyPress = {
      key,
      code,
      ctrlKey: parts.includes('Ctrl'),
      metaKey: false,
      altKey: parts.includes('Alt'),
      shiftKey,
      typing: false,
    };
    // Ctrl shortcuts are Cmd on a Mac: both must work.
    return press.ctrlKey ? [press, { ...press, ctrlKey: false, metaKey: true }] : [press];
  });
}

describe('every shortcut', () => {
  it.each(SHORTCUTS.map((s) => [s.keys, s] as const))('%s does what its record says', (_keys, record) => {
    const presses = pressesOf(record.keys);
    expect(presses.length).toBeGreaterThan(0);
    for (const p of presses) {
      const got = shortcutFor(p, record.scope);
      expect(got, `${JSON.stringify(p)} in ${record.scope}`).not.toBeNull();
      // The press reaches this record, not an earlier one that takes it first.
      expect(got).toEqual(record.action(p));
    }
  });

  it('is listed in the help dialog with its keys and label', () => {
    const target = document.createElement('div');
    document.body.append(target);
    const dialog = mount(ShortcutsDialog, { target, props: { onclose: () => {} } });
    const rows = Array.from(target.querySelectorAll('[data-testid="shortcut-row"]')).map((r) => ({
      keys: r.querySelector('kbd')?.textContent,
      does: r.querySelector('td')?.textContent,
    }));
    unmount(dialog);
    target.remove();
    expect(rows).toEqual(SHORTCUTS.map((s) => ({ keys: s.keys, does: s.label })));
  });

  it('in Compare, j/n go forward, k/p back, Enter opens Create claim', () => {
    expect(shortcutFor(press('j'), 'compare')).toEqual({ action: 'next-difference' });
    expect(shortcutFor(press('n'), 'compare')).toEqual({ action: 'next-difference' });
    expect(shortcutFor(press('k'), 'compare')).toEqual({ action: 'previous-difference' });
    expect(shortcutFor(press('p'), 'compare')).toEqual({ action: 'previous-difference' });
    expect(shortcutFor(press('Enter'), 'compare')).toEqual({ action: 'claim-from-difference' });
  });

  it('in Compare, nothing happens while typing or with Ctrl, so Ctrl+N still makes a new claim', () => {
    expect(shortcutFor(press('j', { typing: true }), 'compare')).toBeNull();
    expect(shortcutFor(press('Enter', { typing: true }), 'compare')).toBeNull();
    expect(shortcutFor(press('n', { ctrlKey: true }), 'compare')).toBeNull();
    expect(shortcutFor(press('n', { ctrlKey: true }))).toEqual({ action: 'new-claim' });
    expect(shortcutFor(press('x'), 'compare')).toBeNull();
  });

  it('the Compare keys step through differences and open one, but not while typing', () => {
    expect(shortcutFor(press('j'), 'compare')).toEqual({ action: 'next-difference' });
    expect(shortcutFor(press('p'), 'compare')).toEqual({ action: 'previous-difference' });
    expect(shortcutFor(press('Enter'), 'compare')).toEqual({ action: 'claim-from-difference' });
    expect(shortcutFor(press('j', { typing: true }), 'compare')).toBeNull();
    expect(shortcutFor(press('j')), 'the window does not take them').toBeNull();
  });
});

describe('Alt+M', () => {
  it('merges the selected claim into another, also where the layout types another letter', () => {
    expect(shortcutFor(press('m', { altKey: true }))).toEqual({ action: 'merge-into' });
    expect(shortcutFor(press('µ', { altKey: true, code: 'KeyM' }))).toEqual({ action: 'merge-into' });
    expect(shortcutFor(press('m'))).toBeNull();
  });
});
