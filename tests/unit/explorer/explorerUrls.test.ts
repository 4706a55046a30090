import { describe, expect, it } from 'vitest';
import { firstDay, lastDay, monthSpan, monthsBetween } from '../../../explorer/src/dates.js';
import { browserConnectUrl, browserOriginsOf } from '../../../src/server/explorer.js';

describe('the Neo4j Browser URL npm start prints', () => {
  it('pre-fills the connection: /browser/?dbms=bolt://neo4j@127.0.0.1:7687', () => {
    expect(browserConnectUrl('http://127.0.0.1:7474/browser/', 'bolt://127.0.0.1:7687', 'neo4j')).toBe('http://127.0.0.1:7474/browser/?dbms=bolt://neo4j@127.0.0.1:7687');
  });
  it('allows both loopback spellings of the Browser origin, nothing else', () => {
    expect(browserOriginsOf('http://127.0.0.1:7474/browser/')).toEqual(['http://127.0.0.1:7474', 'http://localhost:7474']);
    expect(browserOriginsOf(undefined)).toEqual([]);
  });
});

describe('explorer dates (YYYY, YYYY-MM, YYYY-MM-DD as the documents give them)', () => {
  it('knows the span a partial date covers', () => {
    expect(monthSpan('2024')).toEqual(['2024-01', '2024-12']);
    expect(monthSpan('2025-03-07')).toEqual(['2025-03', '2025-03']);
    expect(firstDay('2025-02')).toBe('2025-02-01');
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2024')).toBe('2024-12-31');
  });
  it('lists every month between the dates, across a year end', () => {
    expect(monthsBetween(['2025-02-01', null, '2024-11', '2024-12-25'])).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween([null])).toEqual([]);
  });
});
