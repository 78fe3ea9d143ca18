// Words and numbers for a batch import in the window: the progress line
// ("3 of 10 — ferry.html"), the bar's fill, and the summary's headline and
// sections. Pure functions over the progress events the app sends.
import type { BatchSummary, Progress } from '../../lib/bindings';

/** Where a running batch stands, folded from its progress events. */
export interface BatchProgress {
  total: number;
  /** Items finished, failed ones included. */
  done: number;
  /** The item being imported now, as its name. */
  current: string | null;
  failed: number;
  finished: boolean;
  /** True when the batch ended because the user stopped it. */
  stopped: boolean;
}

export const NOT_STARTED: BatchProgress = {
  total: 0,
  done: 0,
  current: null,
  failed: 0,
  finished: false,
  stopped: false,
};

/** The state after one more progress event. */
export function advance(p: BatchProgress, e: Progress): BatchProgress {
  switch (e.event) {
    case 'started':
      return { ...NOT_STARTED, total: e.total };
    case 'item_started':
      return { ...p, current: itemName(e.label) };
    case 'item_finished':
      return { ...p, done: p.done + 1, current: null, failed: p.failed + (e.error !== null ? 1 : 0) };
    case 'finished':
      return { ...p, current: null, finished: true, stopped: e.summary.not_tried.length > 0 };
  }
}

/** The line under the bar: "3 of 10 — ferry.html", counting the item in hand. */
export function progressLine(p: BatchProgress): string {
  if (p.total === 0 && !p.finished) return 'Starting…';
  if (p.finished) return p.stopped ? `Stopped after ${p.done} of ${p.total}` : `${p.done} of ${p.total} — done`;
  const n = p.current ? Math.min(p.done + 1, p.total) : p.done;
  return p.current ? `${n} of ${p.total} — ${p.current}` : `${n} of ${p.total}`;
}

/** How full the bar is, 0 to 100. */
export function progressPercent(p: BatchProgress): number {
  return p.total === 0 ? 0 : Math.round((100 * p.done) / p.total);
}

/** A file by its name (folders make long paths); a URL as it is. */
export function itemName(label: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(label)) return label;
  const parts = label.split(/[\\/]/).filter((s) => s !== '');
  return parts[parts.length - 1] ?? label;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line for the summary, e.g. "2 added, 1 new version, 0 unchanged, 1 failed". */
export function summaryHeadline(s: BatchSummary): string {
  const parts = [
    `${s.added.length} added`,
    count(s.new_versions.length, 'new version', 'new versions'),
    `${s.unchanged.length} unchanged`,
    `${s.failed.length} failed`,
  ];
  if (s.warnings.length > 0) parts.push(`${s.warnings.length} to check`);
  if (s.skipped.length > 0) parts.push(`${s.skipped.length} skipped`);
  if (s.not_tried.length > 0) parts.push(`${s.not_tried.length} not tried`);
  return parts.join(', ');
}

/** One group of the summary panel: a heading and its items with why. */
export interface SummarySection {
  key: 'failed' | 'warnings' | 'added' | 'new_versions' | 'unchanged' | 'skipped' | 'not_tried';
  title: string;
  items: { name: string; label: string; why: string | null }[];
}

/**
 * The summary's groups that have something in them, failures and things to
 * check first since they need the user; each item keeps its full label (for
 * a tooltip) beside its short name.
 */
export function summarySections(s: BatchSummary): SummarySection[] {
  const plain = (labels: string[]) => labels.map((label) => ({ name: itemName(label), label, why: null }));
  const sections: SummarySection[] = [
    {
      key: 'failed',
      title: 'Failed',
      items: s.failed.map((f) => ({ name: itemName(f.input), label: f.input, why: f.reason })),
    },
    {
      key: 'warnings',
      title: 'Added, but check these',
      items: s.warnings.map((w) => ({ name: itemName(w.input), label: w.input, why: w.message })),
    },
    { key: 'added', title: 'Added', items: plain(s.added) },
    { key: 'new_versions', title: 'New versions of known sources', items: plain(s.new_versions) },
    { key: 'unchanged', title: 'Already stored, unchanged', items: plain(s.unchanged) },
    {
      key: 'skipped',
      title: 'Skipped: not a file type Claimdesk reads',
      items: plain(s.skipped),
    },
    { key: 'not_tried', title: 'Not tried: the import was stopped', items: plain(s.not_tried) },
  ];
  return sections.filter((section) => section.items.length > 0);
}
