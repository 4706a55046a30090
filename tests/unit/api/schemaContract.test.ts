/**
 * schema.graphql is the contract: it has the root fields the API promises, with the promised
 * arguments, every type, field, argument and enum value is described, and every resolver
 * attaches to something the schema declares.
 */
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { resolvers } from '../../../src/resolvers/index.js';
import { loadTypeDefs } from '../../../src/server/schema.js';

const schema: GraphQLSchema = buildSchema(loadTypeDefs());

describe('schema.graphql', () => {
  it('has the promised root fields and arguments', () => {
    const q = schema.getQueryType()!.getFields();
    const args = (f: string) => q[f]!.args.map((a) => a.name);
    expect(args('entity')).toEqual(['name', 'asOf', 'sources']);
    expect(args('entityById')).toEqual(['id', 'asOf', 'sources']);
    expect(args('search')).toEqual(expect.arrayContaining(['text', 'kinds', 'first']));
    expect(args('neighbourhood')).toEqual(expect.arrayContaining(['name', 'depth', 'types', 'first']));
    expect(args('paths')).toEqual(expect.arrayContaining(['from', 'to', 'maxHops', 'first', 'exclude']));
    expect(args('events')).toEqual(expect.arrayContaining(['filter', 'first', 'after']));
    expect(args('claims')).toEqual(['about', 'asOf', 'sources']);
    expect(args('sources')).toEqual([]);
    // The analyst view: as known on a date, and what some documents say.
    for (const f of ['neighbourhood', 'paths', 'events', 'figureHistory']) expect(args(f)).toEqual(expect.arrayContaining(['asOf', 'sources']));
    expect(args('source')).toEqual(['id']);
    expect(String(q.search!.type)).toBe('[SearchHit!]!');
    expect(String(q.neighbourhood!.type)).toBe('Subgraph!');
    expect(String(q.paths!.type)).toBe('[Path!]!');
    expect(String(q.events!.type)).toBe('EventConnection!');
  });

  it('makes Person, Group, Place and Event implement Entity', () => {
    const entity = schema.getType('Entity');
    expect(isInterfaceType(entity)).toBe(true);
    expect(schema.getPossibleTypes(entity as never).map((t) => t.name).sort()).toEqual(['Event', 'Group', 'Person', 'Place']);
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('has a resolver only for types and fields it declares', () => {
    for (const [typeName, fields] of Object.entries(resolvers)) {
      const type = schema.getType(typeName);
      expect(type, typeName).toBeDefined();
      for (const field of Object.keys(fields)) {
        if (field.startsWith('__')) continue;
        expect(isObjectType(type) && field in type.getFields(), `${typeName}.${field}`).toBe(true);
      }
    }
  });
});
