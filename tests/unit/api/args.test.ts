import { describe, expect, it } from 'vitest';
import { dateBoundArg, decodeCursor, encodeCursor, intInRange, LIMITS, nameArg, pageSize, relationTypesArg, searchTextArg } from '../../../src/resolvers/args.js';
import { AppError } from '../../../src/errors/index.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
  return 'no error';
};

describe('intInRange', () => {
  it('takes the default when absent and refuses values outside the range', () => {
    expect(intInRange('first', undefined, { min: 1, max: 10 }, 5)).toBe(5);
    expect(intInRange('first', 10, { min: 1, max: 10 }, 5)).toBe(10);
    expect(code(() => intInRange('first', 11, { min: 1, max: 10 }, 5))).toBe('BAD_USER_INPUT');
    expect(code(() => intInRange('first', 0, { min: 1, max: 10 }, 5))).toBe('BAD_USER_INPUT');
  });
});

describe('dateBoundArg', () => {
  it('reads YYYY, YYYY-MM and YYYY-MM-DD as the first or last day they cover', () => {
    expect(dateBoundArg('from', '2024', 'first')).toBe('2024-01-01');
    expect(dateBoundArg('to', '2024', 'last')).toBe('2024-12-31');
    expect(dateBoundArg('from', '2025-02', 'first')).toBe('2025-02-01');
    expect(dateBoundArg('to', '2025-02', 'last')).toBe('2025-02-28');
    expect(dateBoundArg('to', '2024-02', 'last')).toBe('2024-02-29');
    expect(dateBoundArg('to', '2024-12-25', 'last')).toBe('2024-12-25');
    expect(dateBoundArg('to', null, 'last')).toBeNull();
  });

  it.each(['2025-02-30', '2025-13', '25-12-2024', 'December', '2024-1-5', '0099'])('refuses %s', (v) => {
    expect(code(() => dateBoundArg('from', v, 'first'))).toBe('BAD_USER_INPUT');
  });
});

describe('cursors', () => {
  it('round-trip and are opaque', () => {
    const c = encodeCursor('2024-12-25', 'khirbet-al-mazah-ambush-2024-12-25');
    expect(c).not.toContain('2024');
    expect(decodeCursor('after', c)).toEqual({ startDate: '2024-12-25', id: 'khirbet-al-mazah-ambush-2024-12-25' });
    expect(decodeCursor('after', null)).toBeNull();
  });

  it.each(['', 'garbage', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["x","y"]').toString('base64url')])(
    'refuses a cursor it did not issue: %j',
    (c) => {
      expect(code(() => decodeCursor('after', c))).toBe('BAD_USER_INPUT');
    },
  );
});

describe('nameArg and relationTypesArg', () => {
  it('fold a name to its key and refuse names without letters', () => {
    expect(nameArg('name', 'Mohammed Kanjo al-Hassan').key).toBe('muhammad kanjo hasan');
    expect(code(() => nameArg('name', "' -- ;"))).toBe('BAD_USER_INPUT');
    expect(code(() => nameArg('name', 'x'.repeat(201)))).toBe('BAD_USER_INPUT');
  });

  it('accept only whitelisted relationship types; absent means all', () => {
    expect(relationTypesArg('types', ['LED_BY', 'LED_BY'])).toEqual(['LED_BY']);
    expect(relationTypesArg('types', undefined)).toContain('CAPTURED_IN');
    expect(code(() => relationTypesArg('types', ['LED_BY]->() DETACH DELETE n//']))).toBe('BAD_USER_INPUT');
  });
});

// Regression (issue 9, finding 4): the length was checked before NFKD folding, and `㌀` folds to
// four letters, so 200 characters became an 800-letter fuzzy term (a Neo4j error, a 500).
describe('text length after folding', () => {
  it('refuses text that folding makes longer than the limit, or with an overlong word', () => {
    expect('㌀'.normalize('NFKD').length).toBeGreaterThan(1);
    const expanding = '㌀'.repeat(LIMITS.nameLength);
    expect(expanding.length).toBeLessThanOrEqual(LIMITS.nameLength);
    expect(code(() => nameArg('name', expanding))).toBe('BAD_USER_INPUT');
    expect(code(() => searchTextArg('text', expanding))).toBe('BAD_USER_INPUT');
    expect(code(() => searchTextArg('text', 'a'.repeat(LIMITS.wordLength + 1)))).toBe('BAD_USER_INPUT');
    expect(code(() => nameArg('name', `Tartus ${'b'.repeat(LIMITS.wordLength + 1)}`))).toBe('BAD_USER_INPUT');
  });

  it('accepts ordinary names and texts up to the limits', () => {
    expect(searchTextArg('text', 'Suhayl al-Hasan')).toBe('Suhayl al-Hasan');
    expect(nameArg('name', 'a'.repeat(LIMITS.wordLength)).key).toBe('a'.repeat(LIMITS.wordLength));
    expect(nameArg('name', '㌀').key).not.toBe('');
  });
});

describe('pageSize', () => {
  it('serves the default for an omitted or null first, and refuses out-of-range ones', () => {
    expect(pageSize('Entity.relations', undefined)).toBe(100);
    expect(pageSize('Entity.relations', null)).toBe(100);
    expect(pageSize('Query.search', 7)).toBe(7);
    expect(code(() => pageSize('Query.events', 101))).toBe('BAD_USER_INPUT');
  });
});
