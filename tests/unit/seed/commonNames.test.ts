import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCommonNames, validateCommonNames } from '../../../src/seed/commonNames.js';
import type { Dataset } from '../../../src/seed/readDataset.js';
import type { SeedIssue } from '../../../src/seed/SeedValidationError.js';

const at = <T>(entry: T) => ({ entry, file: 'seed/data/x.yaml', line: 1 });
const group = (id: string, name: string, aliases: string[] = []) => at({ id, name, aliases }) as never;

function dataset(commonNames: { entity: string; names: string[] }[]): Dataset {
  return {
    sources: [], people: [], places: [], events: [], claims: [], relations: [],
    groups: [group('islamic-state', 'Islamic State'), group('shia', 'Shia', ['Shias']), group('hts', "Hay'at Tahrir al-Sham", ['HTS'])],
    commonNames: commonNames.map((e, k) => ({ entry: { ...e, note: 'why' }, file: 'seed/common-names.yaml', line: 10 + k })),
  };
}

describe('seed/common-names.yaml', () => {
  it('accepts new names of existing entities', () => {
    expect(validateCommonNames(dataset([{ entity: 'islamic-state', names: ['ISIS', 'Daesh'] }]))).toEqual([]);
  });

  it('refuses an unknown entity, a name the entity already has, and a name of another entity, with file, entry and field', () => {
    const issues = validateCommonNames(dataset([
      { entity: 'no-such-entity', names: ['X'] },
      { entity: 'shia', names: ['Shiites', 'shias'] },
      { entity: 'islamic-state', names: ['HTS'] },
    ]));
    expect(issues).toEqual([
      expect.objectContaining({ file: 'seed/common-names.yaml', line: 10, entry: 'no-such-entity', field: 'entity' }),
      expect.objectContaining({ line: 11, entry: 'shia', field: 'names[1]', message: expect.stringContaining('already a name or alias of shia') }),
      expect.objectContaining({ line: 12, entry: 'islamic-state', field: 'names[0]', message: expect.stringContaining('hts') }),
    ]);
  });

  it('must say its source is common usage', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'common-names-'));
    await writeFile(path.join(dir, 'common-names.yaml'), 'source: doc-001\nentries:\n  - { entity: shia, names: [Shiites], note: usual English }\n');
    const issues: SeedIssue[] = [];
    const entries = await readCommonNames(dir, issues);
    expect(entries).toHaveLength(1);
    expect(issues).toEqual([expect.objectContaining({ field: 'source', message: expect.stringContaining('common usage') })]);
  });

  it('is optional', async () => {
    const issues: SeedIssue[] = [];
    expect(await readCommonNames(await mkdtemp(path.join(os.tmpdir(), 'common-names-')), issues)).toEqual([]);
    expect(issues).toEqual([]);
  });
});
