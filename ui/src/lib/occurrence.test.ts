import { describe, expect, it } from 'vitest';
import { occurrenceAt } from './occurrence';

describe('occurrenceAt', () => {
  const text = 'The talks ended. 😀 Later the talks ended again.';
  it('numbers a repeated passage by where the selection starts', () => {
    expect(occurrenceAt(text, 'the talks ended', 0)).toBeNull();
    expect(occurrenceAt(text, 'talks ended', 4)).toBe(1);
    // After the emoji, code points and UTF-16 units differ by one.
    expect(occurrenceAt(text, 'talks ended', 29)).toBe(2);
  });
  it('is null when the quote is not at that place', () => {
    expect(occurrenceAt(text, 'talks ended', 5)).toBeNull();
    expect(occurrenceAt(text, '', 0)).toBeNull();
  });
});
