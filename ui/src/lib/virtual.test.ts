import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToReveal } from './virtual';

describe('rowWindow', () => {
  it('renders only the visible rows of 10,000 plus overscan', () => {
    const w = rowWindow(0, 600, 40, 10_000, 5);
    expect(w.start).toBe(0);
    expect(w.end).toBe(15 + 1 + 5);
    expect(w.total).toBe(400_000);
  });

  it('follows the scroll position to the middle of the list', () => {
    const w = rowWindow(200_000, 600, 40, 10_000, 5);
    expect(w.start).toBe(4_995);
    expect(w.offset).toBe(4_995 * 40);
    expect(w.end).toBe(5_000 + 16 + 5);
  });

  it('never runs past the last row when scrolled to the bottom', () => {
    const w = rowWindow(1_000_000, 600, 40, 10_000, 5);
    expect(w.end).toBe(10_000);
    expect(w.start).toBeLessThan(10_000);
  });

  it('renders nothing for an empty list', () => {
    expect(rowWindow(0, 600, 40, 0)).toEqual({ start: 0, end: 0, offset: 0, total: 0 });
  });
});

describe('scrollToReveal', () => {
  it('scrolls up to a row above the viewport', () => {
    expect(scrollToReveal(2, 400, 200, 40)).toBe(80);
  });
  it('scrolls down just enough for a row below the viewport', () => {
    expect(scrollToReveal(20, 0, 200, 40)).toBe(840 - 200);
  });
  it('leaves the scroll alone for a visible row', () => {
    expect(scrollToReveal(3, 0, 200, 40)).toBeNull();
  });
});
