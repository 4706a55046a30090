import { GraphQLError } from 'graphql';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError, createFormatError, ErrorCode, fromNeo4jError, isErrorCode } from '../../../src/errors/index.js';
import { createLogger } from '../../../src/log.js';

const silent = createLogger('silent');

describe('fromNeo4jError', () => {
  it.each([
    ['ServiceUnavailable', 'SERVICE_UNAVAILABLE'],
    ['SessionExpired', 'SERVICE_UNAVAILABLE'],
    ['Neo.ClientError.Security.Unauthorized', 'SERVICE_UNAVAILABLE'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'SERVICE_UNAVAILABLE'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'TIMEOUT'],
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'TIMEOUT'],
    ['Neo.ClientError.Statement.SyntaxError', 'INTERNAL_SERVER_ERROR'],
  ])('%s → %s', (neo4jCode, code) => {
    const err = fromNeo4jError(new Neo4jError('details with bolt://neo4j:secret@host', neo4jCode, 'gql', 'desc'));
    expect(err.code).toBe(code);
    expect(err.message).not.toContain('secret');
  });

  it('maps a refused connection and pool exhaustion to SERVICE_UNAVAILABLE, and passes AppErrors through', () => {
    expect(fromNeo4jError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7687'), { code: 'ECONNREFUSED' })).code).toBe('SERVICE_UNAVAILABLE');
    expect(fromNeo4jError(new Error('Connection acquisition timed out in 5000 ms.')).code).toBe('SERVICE_UNAVAILABLE');
    const app = new AppError(ErrorCode.NOT_FOUND, 'x');
    expect(fromNeo4jError(app)).toBe(app);
  });
});

describe('formatError', () => {
  const prod = createFormatError({ production: true, log: silent });
  const dev = createFormatError({ production: false, log: silent });

  it('keeps public codes and their extensions, without stack traces for expected errors', () => {
    const err = new AppError(ErrorCode.AMBIGUOUS_NAME, 'two', { candidates: [{ id: 'a' }] });
    const formatted = dev({ message: 'two', extensions: { code: 'AMBIGUOUS_NAME', candidates: [{ id: 'a' }], stacktrace: ['at x'] } }, err);
    expect(formatted).toEqual({ message: 'two', extensions: { code: 'AMBIGUOUS_NAME', candidates: [{ id: 'a' }] } });
  });

  it('masks unexpected errors in production and keeps their code in development', () => {
    const boom = new GraphQLError('TypeError: cannot read x of undefined at /srv/app.js:1', { originalError: new TypeError('x') });
    expect(prod({ message: boom.message, path: ['entity'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, boom)).toEqual({
      message: 'Internal server error', path: ['entity'], extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(dev({ message: boom.message }, boom).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('drops "did you mean" suggestions of every kind outside development', () => {
    const cases = [
      'Value "Evnt" does not exist in "EntityKind" enum. Did you mean the enum value "Event"?',
      'Cannot query field "entiti" on type "Query". Did you mean "entity" or "entityById"?',
      'Unknown type "Directon". Did you mean "Direction"?',
    ];
    for (const message of cases) {
      const err = new GraphQLError(message);
      const out = prod({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, err);
      expect(out.message).not.toMatch(/Did you mean/);
      expect(out.message.length).toBeGreaterThan(10);
      expect(dev({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, err).message).toBe(message);
    }
  });

  it('never throws, even on nonsense', () => {
    expect(() => prod(null as never, undefined)).not.toThrow();
    expect(prod(null as never, undefined).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('every code it can emit is in the public enum', () => {
    for (const c of Object.values(ErrorCode)) expect(isErrorCode(c)).toBe(true);
    expect(isErrorCode('SOMETHING_ELSE')).toBe(false);
  });
});

describe('toPlain', async () => {
  const { toPlain, toNeo4jParams } = await import('../../../src/db/toPlain.js');
  it('turns driver values into plain JSON values', () => {
    expect(toPlain({ n: neo4j.int(42), d: new neo4j.types.Date(2024, 12, 25), l: [neo4j.int(1), 'a'], x: null })).toEqual({
      n: 42, d: '2024-12-25', l: [1, 'a'], x: null,
    });
  });

  it('sends whole numbers as Neo4j integers (LIMIT refuses floats)', () => {
    const p = toNeo4jParams({ first: 5, ids: ['a'], nested: { k: 2 }, ratio: 0.5 }) as Record<string, any>;
    expect(neo4j.isInt(p.first)).toBe(true);
    expect(neo4j.isInt(p.nested.k)).toBe(true);
    expect(p.ratio).toBe(0.5);
    expect(p.ids).toEqual(['a']);
  });
});
