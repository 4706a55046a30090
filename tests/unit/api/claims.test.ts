import { describe, expect, it } from 'vitest';
import { markConflicts } from '../../../src/resolvers/claimOrder.js';
import { claimFigure, type ClaimModel } from '../../../src/resolvers/model.js';

const claim = (over: Partial<ClaimModel>): ClaimModel => ({
  id: 'c', measure: 'killed', victims: 'civilians', value: null, low: null, high: null, qualifier: 'exact', asOf: null,
  certainty: 'stated', description: null, aboutId: 'e1', aboutStart: '2025-03-06', claimedById: null, sourceId: 'doc-001',
  citationSources: [], citationQuotes: [], knownIn: ['doc-001'], knownFrom: '2025-03-31', conflictsWith: [], ...over,
});

describe('claimFigure', () => {
  it('says the figure in words', () => {
    expect(claimFigure(claim({ value: 344, qualifier: 'more_than' }))).toBe('more than 344');
    expect(claimFigure(claim({ value: 2005, qualifier: 'at_least' }))).toBe('at least 2,005');
    expect(claimFigure(claim({ value: 14 }))).toBe('14');
    expect(claimFigure(claim({ low: 70, high: 80, qualifier: 'range' }))).toBe('70–80');
  });
});

describe('markConflicts', () => {
  it('puts figures of one event, measure and victims side by side and links the differing ones', () => {
    const a = claim({ id: 'a', value: 344, qualifier: 'more_than', sourceId: 'doc-001' });
    const b = claim({ id: 'b', measure: 'wounded', value: 5 });
    const c = claim({ id: 'c', value: 2005, qualifier: 'at_least', sourceId: 'doc-000' });
    const d = claim({ id: 'd', value: 344, qualifier: 'more_than', sourceId: 'doc-002' });
    const sorted = markConflicts([a, b, c, d]);
    expect(sorted.map((x) => x.id)).toEqual(['c', 'a', 'd', 'b']);
    expect(a.conflictsWith.map((x) => x.id)).toEqual(['c']); // d agrees with a
    expect(c.conflictsWith.map((x) => x.id)).toEqual(['a', 'd']);
    expect(b.conflictsWith).toEqual([]);
  });
});
