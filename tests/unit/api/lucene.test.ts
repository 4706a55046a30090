import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLucene, exactTermQuery, fuzzySearchQuery, searchWords } from '../../../src/cypher/lucene.js';

/** Characters Lucene's classic query parser gives a meaning to. */
const SPECIAL = '+-&|!(){}[]^"~*?:\\/';

/** True when every special character in `q` is either escaped or one we put there on purpose. */
function onlyOurSyntax(q: string): boolean {
  // Remove escaped characters, then our own syntax: groups, OR, boosts, prefix and fuzzy markers.
  const rest = q
    .replace(/\\./g, 'x')
    .replace(/\^\d+(\.\d+)?/g, '')
    .replace(/~[12]/g, '')
    .replace(/\*/g, '')
    .replace(/[()]/g, '')
    .replace(/\bOR\b/g, '');
  return ![...rest].some((c) => SPECIAL.includes(c));
}

describe('escapeLucene', () => {
  it('escapes every special character of the classic query syntax', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });

  it('leaves letters, digits, spaces and apostrophes alone', () => {
    expect(escapeLucene("Khirbet al-Ma'zah 2024")).toBe("Khirbet al\\-Ma'zah 2024");
  });
});

describe('exactTermQuery', () => {
  it('quotes a name key as one phrase', () => {
    expect(exactTermQuery('muhammad kanjo hasan')).toBe('"muhammad kanjo hasan"');
    expect(exactTermQuery('a"b')).toBe('"a\\"b"');
  });
});

describe('fuzzySearchQuery', () => {
  it('gives each word an exact (boosted), prefix and fuzzy term', () => {
    expect(fuzzySearchQuery('Kanjo Hasan')).toBe('(kanjo^3 OR kanjo*^1.5 OR kanjo~1) (hasan^3 OR hasan*^1.5 OR hasan~1)');
    expect(fuzzySearchQuery('Latakia')).toBe('(latakia^3 OR latakia*^1.5 OR latakia~1)');
    expect(fuzzySearchQuery('al HTS')).toBe('al (hts^3 OR hts*^1.5)');
  });

  it('forgives 2 edits in words of 7+ letters only when asked (the fallback when 1 finds nothing)', () => {
    expect(fuzzySearchQuery('Lattakiya Jableh', 2)).toBe('(lattakiya^3 OR lattakiya*^1.5 OR lattakiya~2) (jableh^3 OR jableh*^1.5 OR jableh~1)');
    expect(fuzzySearchQuery('Jableh', 2)).toBe(fuzzySearchQuery('Jableh'));
  });

  it('folds case and diacritics and keeps apostrophes inside words', () => {
    expect(searchWords("KHIRBET AL-MA’ZAH Ḥamā")).toEqual(['khirbet', 'al', "ma'zah", 'hama']);
  });

  it('turns operators, wildcards and injection attempts into plain words', () => {
    expect(fuzzySearchQuery('name:* OR 1=1) DETACH DELETE n //')).not.toMatch(/name:|\bDETACH\b|\/\/|=/);
    expect(fuzzySearchQuery('"unbalanced (((')).toBe('(unbalanced^3 OR unbalanced*^1.5 OR unbalanced~1)');
    // Lower-cased, AND/OR/NOT are terms, not operators.
    expect(fuzzySearchQuery('AND OR NOT')).toBe('(and^3 OR and*^1.5) or (not^3 OR not*^1.5)');
  });

  it('is null when there is no word to search for', () => {
    expect(fuzzySearchQuery('*~?!  ')).toBeNull();
    expect(fuzzySearchQuery('')).toBeNull();
  });

  it('never lets user text add query syntax (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const q = fuzzySearchQuery(text);
        const wide = fuzzySearchQuery(text, 2);
        return (q === null || onlyOurSyntax(q)) && (wide === null || onlyOurSyntax(wide));
      }),
      { numRuns: 2_000 },
    );
  });
});
