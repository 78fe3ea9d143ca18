import { describe, expect, it } from 'vitest';
import type { Source } from '../../lib/bindings';
import { detailsOf, formOf, splitAuthors } from './sourceDetails';

const source: Source = {
  id: '019a',
  title: 'Ferry talks stall',
  outlet: null,
  authors: ['Mira Holm', 'Tomas Berg'],
  url: 'https://gazette.example/ferry',
  canonical_url: 'https://gazette.example/ferry',
  published_on: '2026-03-02',
  modified_on: null,
  language: 'en',
  created_at: '2026-03-02T09:00:00Z',
  version_count: 1,
};

describe('source details form', () => {
  it('starts from what the source holds, unknown fields blank', () => {
    const form = formOf(source);
    expect(form.authors).toBe('Mira Holm, Tomas Berg');
    expect(form.outlet).toBe('');
    expect(form.modified_on).toBe('');
  });

  it('round-trips an untouched form to the same details', () => {
    expect(detailsOf(formOf(source))).toEqual({
      title: 'Ferry talks stall',
      outlet: null,
      authors: ['Mira Holm', 'Tomas Berg'],
      published_on: '2026-03-02',
      modified_on: null,
      canonical_url: 'https://gazette.example/ferry',
      language: 'en',
    });
  });

  it('sends blank fields as unknown and keeps a typed date for the app to check', () => {
    const d = detailsOf({ ...formOf(source), outlet: '  ', published_on: ' 2 March ' });
    expect(d.outlet).toBeNull();
    expect(d.published_on).toBe('2 March');
  });

  it('splits authors on commas and semicolons', () => {
    expect(splitAuthors(' Ana Reyes; Li Wei ,, ')).toEqual(['Ana Reyes', 'Li Wei']);
    expect(splitAuthors('')).toEqual([]);
  });
});
