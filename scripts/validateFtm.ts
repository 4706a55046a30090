/**
 * `npx tsx scripts/validateFtm.ts FILE`: validates FtM JSON lines (an `npm run export -- ftm` file)
 * against the FtM schema model of @alephdata/followthemoney (tests/support/ftmValidator.ts) and
 * prints the lines per schema and every problem; exits 1 if there is one.
 */
import { readFileSync } from 'node:fs';
import { validateFtm, type FtmLine } from '../tests/support/ftmValidator.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx scripts/validateFtm.ts FILE');
  process.exit(2);
}
const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as FtmLine);
const perSchema: Record<string, number> = {};
for (const l of lines) perSchema[l.schema] = (perSchema[l.schema] ?? 0) + 1;
const problems = validateFtm(lines);
console.log(`FtM: ${lines.length} lines ${JSON.stringify(perSchema)}; ${problems.length} problems`);
for (const p of problems) console.log(`  ${p.id} (${p.schema})${p.property ? ` .${p.property}` : ''}: ${p.message}`);
if (problems.length > 0) process.exitCode = 1;
