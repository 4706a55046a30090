/**
 * Prints the cost (src/server/costModel.ts) of GraphQL documents, to see how a query weighs
 * against the limits before sending it: `npx tsx scripts/queryCost.ts '{ sources { text } }'`
 * (one document per argument; `-` reads one from stdin; `--vars '{"n":5}'` applies to all).
 */
import { readFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { ARMOR_LIMITS } from '../src/server/armor.js';
import { operationCost } from '../src/server/costLimit.js';
import { loadTypeDefs } from '../src/server/schema.js';

const args = process.argv.slice(2);
const varsAt = args.indexOf('--vars');
const variables = varsAt === -1 ? {} : (JSON.parse(args.splice(varsAt, 2)[1]!) as Record<string, unknown>);
const schema = buildSchema(loadTypeDefs());
const docs = args.map((a) => (a === '-' ? readFileSync(0, 'utf8') : a));

for (const text of docs) {
  const cost = operationCost(schema, parse(text), variables);
  const verdict = cost === null ? 'variables do not coerce' : cost > ARMOR_LIMITS.maxCost ? 'REFUSED' : cost >= ARMOR_LIMITS.heavyCost ? 'heavy' : 'light';
  process.stdout.write(`${cost === null ? '-' : Math.ceil(cost).toLocaleString('en')}\t${verdict}\t${text.replace(/\s+/g, ' ').slice(0, 160)}\n`);
}
