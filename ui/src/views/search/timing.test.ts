import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANSWERED, SHOWN, TYPED, markAsked, markTyped, measureAnswered, measureShown } from './timing';

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

  it('measures the search call from asking to the answer', () => {
    measureAnswered();
    expect(performance.getEntriesByName(ANSWERED, 'measure')).toHaveLength(0);
    markAsked();
    measureAnswered();
    expect(performance.getEntriesByName(ANSWERED, 'measure')).toHaveLength(1);
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
