import { describe, expect, it } from 'vitest';
import { dateBlocks, heading, pinnable, readings, stops } from './timelineRows';
import type { Event, Timeline } from '../../lib/bindings';

const event = (date: string, outlet: string, expression: string, precision = 'day'): Event => ({
  date,
  precision,
  expression,
  reading: 'past',
  sentence: `Crews voted ${expression}.`,
  start: 0,
  end: 10,
  expression_start: 3,
  expression_end: 6,
  source: `${outlet}-id`,
  version: 'v',
  outlet,
  alternatives: [],
});

const timeline: Timeline = {
  events: [
    event('2025-03-01', 'Coastal Courier', 'on Saturday'),
    event('2025-03-02', 'Northern Ledger', 'on Sunday'),
    event('2025-03-05', 'Northern Ledger', 'on Wednesday'),
    event('2025-03-05', 'Coastal Courier', 'on Wednesday'),
    event('2025-W11', 'Coastal Courier', 'next week', 'week'),
  ],
  entries: [
    { date: '2025-03-01', events: [0] },
    { date: '2025-03-02', events: [1] },
    { date: '2025-03-05', events: [2, 3] },
    { date: '2025-W11', events: [4] },
  ],
  conflicts: [{ events: [0, 1], why: 'same event, dated 2025-03-01 and 2025-03-02' }],
  deadlines: [{ claim: 'c1', statement: 'Friday deadline', date: '2025-03-07', tags: [], later: [4] }],
};

describe('the timeline page', () => {
  it('puts days in order with merged entries, conflicts and deadlines', () => {
    const blocks = dateBlocks(timeline);
    expect(blocks.map((b) => b.heading)).toEqual([
      'Sat 1 Mar 2025',
      'Sun 2 Mar 2025',
      'Wed 5 Mar 2025',
      'Fri 7 Mar 2025',
      'Week 11, 2025',
    ]);
    expect(blocks[0].entries[0].conflict).toBe(true);
    expect(blocks[0].entries[0].conflictNotes).toEqual(['Northern Ledger dates it Sun 2 Mar 2025']);
    expect(blocks[2].entries[0].events.map((e) => e.event.outlet)).toEqual(['Northern Ledger', 'Coastal Courier']);
    expect(blocks[2].entries[0].conflict).toBe(false);
    expect(blocks[3].deadlines[0].deadline.statement).toBe('Friday deadline');
    expect(blocks[3].deadlines[0].later[0].expression).toBe('next week');
    expect(stops(blocks)).toEqual([0, 1, 2, 3]);
  });

  it('names weeks, months and years for what is only that precise', () => {
    expect(heading('2025-W48', 'week')).toBe('Week 48, 2025');
    expect(heading('2025-10', 'month')).toBe('October 2025');
    expect(heading('2022', 'season')).toBe('2022 (a season)');
    expect(heading('2022', 'year')).toBe('2022');
  });

  it('offers the readings of an ambiguous event to pin', () => {
    const e = {
      ...event('2025-03-08', 'Coastal Courier', 'on Saturday'),
      reading: 'ambiguous',
      alternatives: ['2025-03-01'],
    };
    expect(pinnable(e)).toBe(true);
    expect(readings(e)).toEqual(['2025-03-08', '2025-03-01']);
    expect(pinnable(event('2025-03-01', 'Ledger', 'on Saturday'))).toBe(false);
  });
});
