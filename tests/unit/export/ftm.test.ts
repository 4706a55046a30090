/**
 * The FtM exporter on the whole seed, checked by the FtM schema model of @alephdata/followthemoney
 * (tests/support/ftmValidator.ts): every line valid. The validator itself is shown to catch each
 * kind of fault, so a pass means something. The int test (tests/int/export/exports.test.ts) runs
 * the same validator on the lines the real /export/ftm streams from Neo4j.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphRows } from '../../../src/seed/toGraphRows.js';
import { readDataset, toGraphRows } from '../../../src/seed/index.js';
import { ftmNode, ftmRelationship } from '../../../src/export/ftm.js';
import { validateFtm, type FtmLine } from '../../support/ftmValidator.js';

describe('FtM validation', () => {
  let rows: GraphRows;
  // Read once, as realSeed.test.ts does: the full validation (every quote) is the slow part.
  beforeAll(async () => {
    rows = toGraphRows(await readDataset());
  });

  it('catches unknown schemas and properties, abstract schemas, missing required, bad dates, codes and references', () => {
    const problems = validateFtm([
      { id: 'd', schema: 'Document', properties: { title: ['t'], fileName: ['d.txt'], date: ['2025-02-30'] } },
      { id: 'p', schema: 'Person', properties: { name: ['A'], proof: ['d', 'nowhere'], country: ['syria'], colour: ['red'] } },
      { id: 'm', schema: 'Membership', properties: { member: ['p'], organization: ['p'] } },
      { id: 'u', schema: 'UnknownLink', properties: { subject: ['p'] } },
      { id: 'x', schema: 'Thing', properties: { name: ['t'] } },
      { id: 'y', schema: 'Company2', properties: {} },
      { id: 'p', schema: 'Person', properties: { name: [''] } },
    ]);
    const got = problems.map((p) => `${p.id} ${p.property ?? ''} ${p.message}`);
    for (const want of [
      /^d date "2025-02-30" is not an FtM date/, /^p proof refers to "nowhere"/, /^p country "syria" is not a country code/,
      /^p colour not a property of Person/, /^m organization refers to a Person; the range is Organization/,
      /^u object required property missing/, /^x {2}schema Thing is abstract/, /^y {2}unknown schema/, /^p {2}duplicate id/,
      /^p name value "" is not a non-empty string/,
    ]) expect(got.some((g) => want.test(g)), `${want} in\n${got.join('\n')}`).toBe(true);
    expect(validateFtm([{ id: 'd', schema: 'Document', properties: { title: ['t'], name: ['t'], fileName: ['d.txt'], date: ['2025-04'] } }])).toEqual([]);
  });

  it('every line the exporter writes for the seed is valid FtM', () => {
    const lines: FtmLine[] = [];
    for (const s of rows.sources) lines.push(ftmNode({ labels: ['Source'], props: s.props })!);
    for (const e of rows.entities) {
      const n = ftmNode({ labels: [e.label, 'Entity'], props: { ...e.props, startDate: e.startDate, endDate: e.endDate } });
      if (n) lines.push(n);
    }
    for (const r of rows.entityRelations) lines.push(ftmRelationship({ type: r.type, from: r.from, to: r.to, props: r.props }));
    expect(lines.length).toBe(rows.sources.length + rows.entities.length + rows.entityRelations.length);
    expect(validateFtm(lines)).toEqual([]);
  });
});
