/**
 * Regression (found by tests/int/reliability/hostileInput.test.ts): a forged `after` cursor whose
 * date matched YYYY-MM-DD but named no real day (0000-00-00) reached Neo4j's date() and came back
 * as INTERNAL_SERVER_ERROR instead of BAD_USER_INPUT.
 */
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../src/resolvers/args.js';

const forged = (date: string, id = 'x') => Buffer.from(JSON.stringify([date, id]), 'utf8').toString('base64url');

describe('event cursors', () => {
  it('round-trip a real day and id', () => {
    expect(decodeCursor('after', encodeCursor('2024-02-29', 'some-event'))).toEqual({ startDate: '2024-02-29', id: 'some-event' });
  });

  it.each(['0000-00-00', '2024-02-30', '2023-02-29', '2024-13-01', '9999-99-99'])('refuse a forged cursor dated %s as BAD_USER_INPUT', (date) => {
    expect(() => decodeCursor('after', forged(date))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
