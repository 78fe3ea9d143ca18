import { describe, expect, it } from 'vitest';
import { chipLabels, speakersLine } from './quoteChips';

describe('quote chips', () => {
  it('names each kind as a person reads it', () => {
    expect(chipLabels(['reworded', 'other_speaker'])).toEqual(['reworded', 'other speaker']);
  });
  it('says when no outlet names a speaker', () => {
    expect(speakersLine([])).toBe('Speaker not told');
    expect(speakersLine(['Yury Ushakov', 'Dmitry Peskov'])).toBe('Yury Ushakov / Dmitry Peskov');
  });
});
