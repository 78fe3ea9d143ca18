import { describe, expect, it } from 'vitest';
import { dayLabel, offerToShow } from './dateOffer';
import type { DateOffer } from '../../lib/bindings';

const offer = (date: string, expression: string): DateOffer => ({
  date,
  expression,
  reading: 'future',
  alternatives: [],
});

describe('the claim form date offer', () => {
  it('offers the first named day that is not the event date yet', () => {
    const offers = [offer('2025-11-27', 'Thanksgiving Day'), offer('2025-12-01', 'Dec. 1')];
    expect(offerToShow(offers, '')?.expression).toBe('Thanksgiving Day');
    expect(offerToShow(offers, '2025-11-27')?.expression).toBe('Dec. 1');
    expect(offerToShow([offers[0]], '2025-11-27')).toBeNull();
  });

  it('writes a day with its weekday', () => {
    expect(dayLabel('2025-11-27')).toBe('Thu 27 Nov 2025');
    expect(dayLabel('2025-W48')).toBe('2025-W48');
    expect(dayLabel('2025-02-30')).toBe('2025-02-30');
  });
});
