import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHOWN, TYPED, markTyped, measureShown } from './timing';

describe('search timing', () => {
  afterEach(() => {
    performance.clearMarks();
    performance.clearMeasures();
    vi.unstubAllGlobals();
  });

  it('measures from the last key press to the frame after the results', () => {
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => {
      f(0);
      return 0;
    });
    markTyped();
    markTyped();
    measureShown();
    const shown = performance.getEntriesByName(SHOWN, 'measure');
    expect(shown).toHaveLength(1);
    const marks = performance.getEntriesByName(TYPED, 'mark');
    expect(shown[0].startTime).toBe(marks[marks.length - 1].startTime);
  });

  it('measures nothing before any key press', () => {
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => {
      f(0);
      return 0;
    });
    measureShown();
    expect(performance.getEntriesByName(SHOWN, 'measure')).toHaveLength(0);
  });
});
