import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, describeUri } from '../../../src/log.js';

describe('describeUri', () => {
  it('drops user info, query and fragment', () => {
    expect(describeUri('neo4j+s://neo4j:s3cret@db.example.org:7687/?x=1#y')).toBe('neo4j+s://db.example.org:7687');
    expect(describeUri('bolt://127.0.0.1:7687')).toBe('bolt://127.0.0.1:7687');
    expect(describeUri('not a uri')).toBe('(unparseable URI)');
  });
});

describe('createLogger', () => {
  it('redacts passwords and authorization headers wherever they are logged', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) });
    const log = createLogger('info', sink);
    log.info({ password: 'hunter2', neo4j: { password: 'hunter3' }, env: { NEO4J_PASSWORD: 'hunter4' }, req: { headers: { authorization: 'Basic hunter5' } } }, 'x');
    expect(lines.join('')).not.toMatch(/hunter/);
    expect(lines.join('')).toContain('[redacted]');
  });
});
