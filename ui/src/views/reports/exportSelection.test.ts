import { describe, expect, it } from 'vitest';
import { saveFilter, selectionChoices } from './exportSelection';

describe('selectionChoices', () => {
  it('offers only all claims when nothing is filtered or selected', () => {
    const c = selectionChoices({ tag: '', verdict: '', selectedClaim: null });
    expect(c.map((x) => x.id)).toEqual(['all']);
    expect(c[0].selection).toEqual({ tag: null, verdict: null, claims: [] });
  });

  it('turns the current tag and verdict filters into their own selections', () => {
    const c = selectionChoices({ tag: 'ferry', verdict: 'false', verdictLabel: 'False', selectedClaim: null });
    expect(c.find((x) => x.id === 'tag')?.selection).toEqual({ tag: 'ferry', verdict: null, claims: [] });
    expect(c.find((x) => x.id === 'verdict')).toEqual({
      id: 'verdict',
      label: 'Verdict: False',
      selection: { tag: null, verdict: 'false', claims: [] },
    });
  });

  it('the selected claim becomes a one-claim selection', () => {
    const c = selectionChoices({ tag: '', verdict: '', selectedClaim: '0193ab' });
    expect(c.map((x) => x.id)).toEqual(['all', 'claim']);
    expect(c[1].selection.claims).toEqual(['0193ab']);
  });

  it('a blank filter is no filter', () => {
    expect(selectionChoices({ tag: '  ', verdict: ' ', selectedClaim: null })).toHaveLength(1);
  });
});

describe('saveFilter', () => {
  it('filters the save dialog on the suggested file extension', () => {
    expect(saveFilter('claimdesk-report.jsonld', 'ClaimReview JSON-LD')).toEqual([
      { name: 'ClaimReview JSON-LD', extensions: ['jsonld'] },
    ]);
  });
  it('gives no filter for a name without an extension', () => {
    expect(saveFilter('report', 'Markdown')).toEqual([]);
  });
});
