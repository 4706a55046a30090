import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportCsvWriter } from '../../../src/import/ImportCsvWriter.js';
import { ImportLayoutError, readImportLayout } from '../../../src/import/csvLayout.js';
import type { GraphRows } from '../../../src/seed/toGraphRows.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'clashgraph-layout-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const rows = (): GraphRows => ({
  sources: [{ id: 's1', props: { id: 's1', title: 'A "report"', text: 'line one\nline two', note: null } }],
  entities: [
    { id: 'p1', label: 'Person', startDate: null, endDate: null, props: { id: 'p1', name: 'Ali', aliases: [], lookupKeys: ['n:ali'], unnamed: false } },
    { id: 'e1', label: 'Event', startDate: '2024-12-01', endDate: '2024-12-31', props: { id: 'e1', name: 'Clashes', aliases: ['x', 'y'], lookupKeys: ['n:clashes'], unnamed: false } },
  ],
  claims: [{ id: 'c1', props: { id: 'c1', value: 12, about: 'e1' } }],
  entityRelations: [
    { id: 'r1', type: 'PARTICIPATED_IN', from: 'p1', to: 'e1', props: { id: 'r1', role: 'perpetrator', date: null } },
    { id: 'r2', type: 'MEMBER_OF', from: 'p1', to: 'e1', props: { id: 'r2', since: '2024-12' }, sinceDate: '2024-12-01', untilDate: null },
  ],
  claimEntityRelations: [{ id: 'c1--about', type: 'ABOUT', from: 'c1', to: 'e1', props: { id: 'c1--about' } }],
  claimSourceRelations: [],
  sourceRelations: [],
});

describe('import CSV', () => {
  it('writes one file per label or type and header, typed columns, absent nulls and empty lists, quoted text', () => {
    const w = new ImportCsvWriter(dir);
    w.write(rows());
    const summary = w.close();
    expect(summary).toMatchObject({ nodes: 4, relationships: 3 });
    const person = readFileSync(path.join(dir, 'nodes', 'Person.1.csv'), 'utf8');
    expect(person).toBe('id:ID,name:string,lookupKeys:string[],unnamed:boolean\n"p1","Ali","n:ali",false\n'); // no empty list
    const event = readFileSync(path.join(dir, 'nodes', 'Event.1.csv'), 'utf8');
    expect(event.split('\n')[0]).toBe('id:ID,name:string,aliases:string[],lookupKeys:string[],unnamed:boolean,startDate:date,endDate:date');
    expect(event).toContain('"x\u001fy"');
    expect(readFileSync(path.join(dir, 'nodes', 'Claim.1.csv'), 'utf8')).toBe('id:ID,value:double,about:string\n"c1",12,"e1"\n');
    // The source's text has a line break: it goes to a multi-line file, quotes doubled.
    expect(readFileSync(path.join(dir, 'nodes', 'Source.1.multiline.csv'), 'utf8')).toBe('id:ID,title:string,text:string\n"s1","A ""report""","line one\nline two"\n');
    expect(readFileSync(path.join(dir, 'relationships', 'PARTICIPATED_IN.1.csv'), 'utf8')).toBe(':START_ID,:END_ID,id:string,role:string\n"p1","e1","r1","perpetrator"\n');

    expect(readFileSync(path.join(dir, 'relationships', 'MEMBER_OF.1.csv'), 'utf8')).toBe(':START_ID,:END_ID,id:string,since:string,sinceDate:date\n"p1","e1","r2","2024-12","2024-12-01"\n');

    const layout = readImportLayout(dir);
    expect(layout.args).toContain(`--nodes=Entity:Person=${path.join(dir, 'nodes', 'Person.1.csv')}`);
    expect(layout.args).toContain(`--nodes=Source=${path.join(dir, 'nodes', 'Source.1.multiline.csv')}`);
    expect(layout.args).toContain(`--relationships=ABOUT=${path.join(dir, 'relationships', 'ABOUT.1.csv')}`);
    expect(layout.multiline).toEqual([path.join(dir, 'nodes', 'Source.1.multiline.csv')]);
  });

  it('refuses labels and types outside the vocabulary, label columns and missing ids, naming each file', () => {
    mkdirSync(path.join(dir, 'nodes'));
    mkdirSync(path.join(dir, 'relationships'));
    writeFileSync(path.join(dir, 'nodes', 'Weapon.1.csv'), 'id:ID,name\n');
    writeFileSync(path.join(dir, 'nodes', 'Person.1.csv'), 'id:ID,:LABEL\n');
    writeFileSync(path.join(dir, 'nodes', 'Group.1.csv'), 'name:string\n');
    writeFileSync(path.join(dir, 'relationships', 'SHOT.1.csv'), ':START_ID,:END_ID\n');
    writeFileSync(path.join(dir, 'relationships', 'KILLED.1.csv'), ':START_ID,:END_ID,when:datetime\n');
    let err: unknown;
    try {
      readImportLayout(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportLayoutError);
    expect((err as ImportLayoutError).problems).toEqual([
      'nodes/Group.1.csv: the header has no id:ID column (header: name:string)',
      'nodes/Person.1.csv: column :LABEL is not allowed (labels and types come from the file name)',
      expect.stringContaining('nodes/Weapon.1.csv: Weapon is not a node label of the vocabulary'),
      'relationships/KILLED.1.csv: column when:datetime has an unknown type (one of string, string[], double, long, boolean, date, int, float)',
      expect.stringContaining('relationships/SHOT.1.csv: SHOT is not a relationship type of the vocabulary'),
    ]);
  });
});
