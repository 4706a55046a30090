/**
 * The cost model's assumptions hold: page sizes agree with the schema's defaults, every field
 * with a `first` has its page size in the one table, the curated data stays within the sizes the
 * model assumes, and the costs order queries as they should.
 */
import { buildSchema, isInterfaceType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZES } from '../../../src/resolvers/args.js';
import { readDataset, toGraphRows, type GraphRows } from '../../../src/seed/index.js';
import { ARMOR_LIMITS } from '../../../src/server/armor.js';
import { operationCost } from '../../../src/server/costLimit.js';
import { LIST_MAX, VALUE_BYTES } from '../../../src/server/costModel.js';
import { loadTypeDefs } from '../../../src/server/schema.js';

const schema: GraphQLSchema = buildSchema(loadTypeDefs());
const cost = (q: string, variables: Record<string, unknown> = {}) => operationCost(schema, parse(q), variables)!;

/** Every (type, field) of the schema's object and interface types that takes a `first`. */
function pagedFields(): { type: string; interfaces: string[]; field: string; default: unknown }[] {
  const out = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const first = field.args.find((a) => a.name === 'first');
      if (first) out.push({ type: type.name, interfaces: type.getInterfaces().map((i) => i.name), field: field.name, default: first.defaultValue });
    }
  }
  return out;
}

describe('page sizes', () => {
  it('has every field that takes `first` in PAGE_SIZES, with the schema default', () => {
    const table: Record<string, { default: number }> = PAGE_SIZES;
    for (const f of pagedFields()) {
      const entry = table[`${f.type}.${f.field}`] ?? f.interfaces.map((i) => table[`${i}.${f.field}`]).find((e) => e !== undefined);
      expect(entry, `${f.type}.${f.field} is missing from PAGE_SIZES (src/resolvers/args.ts)`).toBeDefined();
      expect(f.default, `${f.type}.${f.field}: schema default`).toBe(entry!.default);
    }
  });
});

describe('the curated data within the model', () => {
  let rows: GraphRows;
  beforeAll(async () => {
    rows = toGraphRows(await readDataset());
  }, 120_000);
  const maxOf = (xs: number[]) => Math.max(0, ...xs);
  const quotesOf = (p: Record<string, unknown>) => (p.citationQuotes ?? []) as string[];

  it('keeps texts, quotes and descriptions within VALUE_BYTES', () => {
    const cited = [...rows.entities, ...rows.claims, ...rows.entityRelations].map((r) => r.props);
    expect(maxOf(rows.sources.map((s) => Buffer.byteLength(String(s.props.text ?? ''))))).toBeLessThanOrEqual(VALUE_BYTES['Source.text']!);
    expect(maxOf(cited.flatMap((p) => quotesOf(p).map((q) => Buffer.byteLength(JSON.stringify(q)))))).toBeLessThanOrEqual(VALUE_BYTES['Citation.quote']!);
    expect(maxOf([...rows.entities, ...rows.claims].map((e) => Buffer.byteLength(JSON.stringify(e.props.description ?? ''))))).toBeLessThanOrEqual(VALUE_BYTES['Entity.description']!);
    expect(maxOf(rows.entityRelations.map((r) => Buffer.byteLength(JSON.stringify(r.props.note ?? ''))))).toBeLessThanOrEqual(VALUE_BYTES['Relation.note']!);
  });

  it('keeps unpaginated lists within LIST_MAX', () => {
    const cited = [...rows.entities, ...rows.claims, ...rows.entityRelations].map((r) => r.props);
    expect(maxOf(cited.map((p) => quotesOf(p).length))).toBeLessThanOrEqual(LIST_MAX['Entity.citations']!);
    expect(maxOf(rows.entities.map((e) => ((e.props.aliases ?? []) as string[]).length))).toBeLessThanOrEqual(LIST_MAX['Entity.aliases']!);
    expect(rows.sources.length).toBeLessThanOrEqual(LIST_MAX['Query.sources']!);
    expect(rows.claims.length).toBeLessThanOrEqual(LIST_MAX['Query.claims']!);
    const inbound = (type: string) => {
      const n = new Map<string, number>();
      for (const r of rows.entityRelations) if (r.type === type) n.set(r.to, (n.get(r.to) ?? 0) + 1);
      return maxOf([...n.values()]);
    };
    expect(inbound('MEMBER_OF')).toBeLessThanOrEqual(LIST_MAX['Group.members']!);
    expect(inbound('PARTICIPATED_IN')).toBeLessThanOrEqual(LIST_MAX['Event.participants']!);
    expect(inbound('PART_OF')).toBeLessThanOrEqual(LIST_MAX['Event.subEvents']!);
    expect(inbound('LOCATED_IN')).toBeLessThanOrEqual(LIST_MAX['Place.children']!);
  });
});

describe('costs', () => {
  it("weighs a document's text by its size: the 277 MB request of issue 9 is far over the limit", () => {
    const amplified = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: neighbourhood(name: "Western Syria clashes", depth: 3, first: 312, maxDegree: 10000) { edges { citations { source { text } } } }`).join(' ')} }`;
    expect(cost(amplified)).toBeGreaterThan(ARMOR_LIMITS.maxCost * 100);
    expect(cost('{ sources { id text } }')).toBeGreaterThan(cost('{ sources { id title } }') * 20);
  });

  it('weighs variable defaults, explicit values and null the way the resolvers read them', () => {
    const q = 'query ($n: Int = 500) { entity(name: "T") { relations(first: $n) { id } } }';
    expect(cost(q, {})).toBe(cost(q, { n: 500 }));
    expect(cost(q, { n: null })).toBe(cost('{ entity(name: "T") { relations { id } } }'));
    expect(cost('{ entity(name: "T") { relations(first: null) { id } } }')).toBe(cost('{ entity(name: "T") { relations(first: 100) { id } } }'));
    expect(cost(q, { n: 5 })).toBeLessThan(cost(q, { n: 50 }));
  });

  it('weighs deep traversals by their work even when the answer is one Boolean', () => {
    expect(cost('{ neighbourhood(name: "T", depth: 3) { truncated } }')).toBeGreaterThanOrEqual(ARMOR_LIMITS.heavyCost);
    expect(cost('{ neighbourhood(name: "T", depth: 1) { truncated } }')).toBeLessThan(ARMOR_LIMITS.heavyCost);
    expect(cost('{ entity(name: "T") { id name } }')).toBeLessThan(10_000);
  });

  it('weighs a list field nobody gave a bound as long, not as one item', () => {
    // Introspection aside, an unknown list costs DEFAULT_LIST_MAX items: `participants` has a bound,
    // so compare a listed and a bounded list of the same shape.
    expect(cost('{ claims { id } }')).toBeGreaterThan(cost('{ sources { id } }'));
  });
});
