import { describe, expect, it } from 'vitest';
import { editedNote, outcomeMessage, urlProblem } from './capture';

describe('editedNote', () => {
  it('says nothing about an article captured once', () => {
    expect(editedNote(1)).toBeNull();
  });

  it('counts the versions of an article captured again after an edit', () => {
    expect(editedNote(2)).toBe('edited since first capture — 2 versions');
    expect(editedNote(5)).toContain('5 versions');
  });
});

describe('outcomeMessage', () => {
  it('tells a new version apart from an unchanged fetch', () => {
    expect(outcomeMessage('new_version')).toContain('new version');
    expect(outcomeMessage('unchanged')).toContain('already stored');
    expect(outcomeMessage('new_source')).toBe('Source added');
  });
});

describe('urlProblem', () => {
  it('accepts web addresses, with spaces around them', () => {
    expect(urlProblem(' https://news.example/a ')).toBeNull();
    expect(urlProblem('http://127.0.0.1:8080/page')).toBeNull();
  });

  it('explains empty input and addresses that are not web pages', () => {
    expect(urlProblem('  ')).toContain('address');
    expect(urlProblem('file:///home/a.html')).toContain('http://');
    expect(urlProblem('news.example/a')).toContain('https://');
  });
});
