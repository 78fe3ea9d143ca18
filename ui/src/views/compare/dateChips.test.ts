import { describe, expect, it } from 'vitest';
import type { DateChip, DifferenceView, PairView } from '../../lib/bindings';
import { agreeingDates, differenceLabel } from './dateChips';

const sentence = { index: 0, text: 'x', start: 0, end: 0, cp_start: 0, cp_end: 0 };
const dated: DifferenceView = { kind: 'date', left: 'Wednesday', right: 'Thursday' };
const chip: DateChip = {
  left: 'Wednesday',
  right: 'Thursday',
  left_day: 'Wednesday = 3 Dec 2025',
  right_day: 'Thursday = 4 Dec 2025',
  differs: true,
  title: 'Wednesday = 3 Dec 2025 on the left, Thursday = 4 Dec 2025 on the right',
};
const pair = (dates: DateChip[] | null | undefined): PairView => ({
  left: sentence,
  right: sentence,
  score: 1,
  diff: [],
  differences: [dated],
  dates,
});

describe('date chips', () => {
  it('show the day each side resolves to, and both in the title', () => {
    const label = differenceLabel(pair([chip]), dated);
    expect(label.left).toBe('Wednesday = 3 Dec 2025');
    expect(label.right).toBe('Thursday = 4 Dec 2025');
    expect(label.title).toContain('on the left, Thursday = 4 Dec 2025 on the right');
  });

  it('fall back to the wording when core sent no chip', () => {
    const label = differenceLabel(pair(undefined), dated);
    expect([label.left, label.right]).toEqual(['Wednesday', 'Thursday']);
    expect(label.title).toBe('Create a claim from this date difference');
  });

  it('list the dates that agree only in some year', () => {
    const same: DateChip = { ...chip, differs: false, left_day: null, right_day: null, title: 'same day if 2025' };
    expect(agreeingDates(pair([chip, same]))).toEqual([same]);
    expect(agreeingDates(pair(null))).toEqual([]);
  });
});
