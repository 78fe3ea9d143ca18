import { describe, expect, it } from 'vitest';
import { keyPressOf, modalOpen, shortcutFor, type KeyPress } from './shortcuts';

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

  it('slash searches, but not while typing in a field', () => {
    expect(shortcutFor(press('/'))).toEqual({ action: 'search' });
    expect(shortcutFor(press('/', { typing: true }))).toBeNull();
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

  it('Alt+C opens the Compare view, also where the layout types another letter', () => {
    expect(shortcutFor(press('c', { altKey: true }))).toEqual({ action: 'compare' });
    expect(shortcutFor(press('ç', { altKey: true, code: 'KeyC' }))).toEqual({ action: 'compare' });
    expect(shortcutFor(press('c'))).toBeNull();
  });

  it('plain letters are typing, not shortcuts', () => {
    expect(shortcutFor(press('n'))).toBeNull();
    expect(shortcutFor(press('3'))).toBeNull();
  });
});

describe('export shortcut', () => {
  it('Ctrl+E opens Export… even from a text field, but plain e is typing', () => {
    const k = (key: string, extra: Partial<KeyPress>): KeyPress => ({
      key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, typing: false, ...extra,
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
