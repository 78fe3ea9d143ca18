import { describe, expect, it } from 'vitest';
import type { BatchSummary, Progress } from '../../lib/bindings';
import {
  NOT_STARTED,
  advance,
  itemName,
  progressLine,
  progressPercent,
  summaryHeadline,
  summarySections,
} from './batchImport';

const emptySummary: BatchSummary = {
  added: [],
  new_versions: [],
  unchanged: [],
  failed: [],
  skipped: [],
  warnings: [],
  not_tried: [],
};

function fold(events: Progress[]) {
  return events.reduce(advance, NOT_STARTED);
}

describe('progress line', () => {
  it('counts the item in hand and names it', () => {
    const p = fold([
      { event: 'started', total: 3 },
      { event: 'item_started', index: 0, label: '/home/ana/clippings/ferry.html' },
    ]);
    expect(progressLine(p)).toBe('1 of 3 — ferry.html');
    expect(progressPercent(p)).toBe(0);
  });

  it('moves on past a failure and counts it', () => {
    const p = fold([
      { event: 'started', total: 3 },
      { event: 'item_started', index: 0, label: 'http://127.0.0.1:9/a' },
      { event: 'item_finished', index: 0, label: 'http://127.0.0.1:9/a', imported: null, error: 'HTTP 404' },
      { event: 'item_started', index: 1, label: 'http://127.0.0.1:9/b' },
    ]);
    expect(progressLine(p)).toBe('2 of 3 — http://127.0.0.1:9/b');
    expect(p.failed).toBe(1);
    expect(progressPercent(p)).toBe(33);
  });

  it('says done at the end, or where it stopped', () => {
    const done = fold([
      { event: 'started', total: 1 },
      { event: 'item_started', index: 0, label: 'a.md' },
      {
        event: 'item_finished',
        index: 0,
        label: 'a.md',
        imported: { outcome: 'new_source', source_id: 's1', warnings: [] },
        error: null,
      },
      { event: 'finished', summary: { ...emptySummary, added: ['a.md'] } },
    ]);
    expect(progressLine(done)).toBe('1 of 1 — done');
    expect(progressPercent(done)).toBe(100);
    const stopped = fold([
      { event: 'started', total: 4 },
      { event: 'item_started', index: 0, label: 'a.md' },
      { event: 'item_finished', index: 0, label: 'a.md', imported: null, error: 'unreadable' },
      { event: 'finished', summary: { ...emptySummary, not_tried: ['b.md', 'c.md', 'd.md'] } },
    ]);
    expect(progressLine(stopped)).toBe('Stopped after 1 of 4');
  });

  it('says it is starting before the first event', () => {
    expect(progressLine(NOT_STARTED)).toBe('Starting…');
  });
});

describe('itemName', () => {
  it('shortens file paths to the file name and keeps URLs whole', () => {
    expect(itemName('/tmp/in/sub/notes.md')).toBe('notes.md');
    expect(itemName('C:\\clips\\page.html')).toBe('page.html');
    expect(itemName('https://news.example/a/b')).toBe('https://news.example/a/b');
  });
});

describe('summary', () => {
  const summary: BatchSummary = {
    ...emptySummary,
    added: ['/in/a.html', '/in/b.md'],
    new_versions: ['/in/c.html'],
    failed: [{ input: '/in/blob.pdf', reason: 'blob.pdf is not a PDF' }],
    warnings: [{ input: '/in/b.md', message: 'almost no article text was found' }],
    skipped: ['/in/photo.jpg'],
  };

  it('sums up in one line with singular and plural', () => {
    expect(summaryHeadline(summary)).toBe('2 added, 1 new version, 0 unchanged, 1 failed, 1 to check, 1 skipped');
    expect(summaryHeadline(emptySummary)).toBe('0 added, 0 new versions, 0 unchanged, 0 failed');
  });

  it('lists failures first with their reason, and leaves out empty groups', () => {
    const sections = summarySections(summary);
    expect(sections.map((s) => s.key)).toEqual(['failed', 'warnings', 'added', 'new_versions', 'skipped']);
    expect(sections[0].items).toEqual([{ name: 'blob.pdf', label: '/in/blob.pdf', why: 'blob.pdf is not a PDF' }]);
    expect(sections[1].items[0].why).toContain('almost no article text');
  });
});
