// The Timeline view's page: one block per date (a day, or a week, month or
// year for what is only that precise), each holding its entries (one event,
// or several outlets' wordings of it) and the claims whose event date falls
// on it; plus the order j / k walk through.
import type { Deadline, Event, Timeline } from '../../lib/bindings';
import { dayLabel } from '../claims/dateOffer';

/** One line of the timeline: an event, or several outlets telling it alike. */
export interface EntryRow {
  /** Index of the entry in the timeline's entries: its key and j / k stop. */
  index: number;
  events: { index: number; event: Event; conflict: boolean }[];
  /** True when one of its events is dated apart by another outlet. */
  conflict: boolean;
  /** What the conflicting outlet says, e.g. "Coastal Courier dates it Sat 1 Mar 2025". */
  conflictNotes: string[];
}

/** One date down the page. */
export interface DateBlock {
  date: string;
  /** The date as a person reads it: "Tue 4 Mar 2025", "Week 11, 2025", "March 2025". */
  heading: string;
  precision: string;
  entries: EntryRow[];
  deadlines: { deadline: Deadline; later: Event[] }[];
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A timeline date as the heading of its block. */
export function heading(date: string, precision: string): string {
  if (precision === 'day') return dayLabel(date);
  const week = /^(\d{4})-W(\d{2})$/.exec(date);
  if (week) return `Week ${Number(week[2])}, ${week[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (month) return `${MONTH_NAMES[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  if (precision === 'season') return `${date} (a season)`;
  return date;
}

/** The blocks of `t` in calendar order, deadlines placed on their days. */
export function dateBlocks(t: Timeline): DateBlock[] {
  const conflicted = new Map<number, string[]>();
  for (const c of t.conflicts) {
    for (const i of c.events) {
      const others = c.events.filter((o) => o !== i).map((o) => t.events[o]);
      const notes = others.map((o) => `${o?.outlet ?? 'another source'} dates it ${o ? dayLabel(o.date) : '?'}`);
      conflicted.set(i, [...(conflicted.get(i) ?? []), ...notes]);
    }
  }
  const blocks: DateBlock[] = [];
  const byKey = new Map<string, DateBlock>();
  const block = (date: string, precision: string) => {
    const key = `${precision}:${date}`;
    let b = byKey.get(key);
    if (!b) {
      b = { date, heading: heading(date, precision), precision, entries: [], deadlines: [] };
      byKey.set(key, b);
      blocks.push(b);
    }
    return b;
  };
  t.entries.forEach((entry, index) => {
    const first = t.events[entry.events[0]];
    if (!first) return;
    const events = entry.events.map((i) => ({ index: i, event: t.events[i], conflict: conflicted.has(i) }));
    const notes = entry.events.flatMap((i) => conflicted.get(i) ?? []);
    block(entry.date, first.precision).entries.push({
      index,
      events,
      conflict: notes.length > 0,
      conflictNotes: notes,
    });
  });
  for (const d of t.deadlines) {
    block(d.date, 'day').deadlines.push({ deadline: d, later: d.later.map((i) => t.events[i]).filter(Boolean) });
  }
  // Days first by their date, a week, month or year before the days inside it.
  blocks.sort((a, b) => start(a).localeCompare(start(b)) || rank(b.precision) - rank(a.precision));
  return blocks;
}

/** The first day a block covers, as YYYY-MM-DD text that sorts. */
function start(b: DateBlock): string {
  const first = b.entries[0]?.events[0]?.event;
  if (first) return firstDay(first);
  return b.date;
}

function firstDay(e: Event): string {
  if (e.precision === 'day') return e.date;
  const week = /^(\d{4})-W(\d{2})$/.exec(e.date);
  if (week) {
    // Monday of ISO week n: the week holding 4 January, moved on n - 1 weeks.
    const jan4 = new Date(Date.UTC(Number(week[1]), 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000);
    return new Date(monday.getTime() + (Number(week[2]) - 1) * 7 * 86400000).toISOString().slice(0, 10);
  }
  if (/^\d{4}-\d{2}$/.test(e.date)) return `${e.date}-01`;
  return `${e.date}-01-01`;
}

function rank(precision: string): number {
  return ['day', 'week', 'month', 'season', 'year'].indexOf(precision);
}

/** The j / k stops in page order: entry indexes. */
export function stops(blocks: DateBlock[]): number[] {
  return blocks.flatMap((b) => b.entries.map((e) => e.index));
}

/** The readings an event can be pinned to: its date and alternatives. */
export function readings(e: Event): string[] {
  return [e.date, ...e.alternatives];
}

/** True when a checker can choose among the event's readings. */
export function pinnable(e: Event): boolean {
  return !!e.source && (e.reading === 'ambiguous' || e.reading === 'pinned');
}
