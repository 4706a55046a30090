/**
 * Validates FollowTheMoney entities (JSON lines) against the FtM schema model that
 * `@alephdata/followthemoney` ships (the model Aleph's UI uses, generated from the followthemoney
 * schema YAML): the schema exists and is not abstract; every property exists on it (its own or
 * inherited) and is not a stub (a reverse that FtM derives itself); the schema's required
 * properties (its own and its ancestors') are present; values are lists of strings within the
 * type's or property's maxLength; and each value is valid for its property type — dates as FtM
 * writes them (an ISO 8601 prefix: YYYY, YYYY-MM, YYYY-MM-DD, optionally a time), country /
 * language / gender / topic codes from the type's value list, entity references to an id present
 * in the same export whose schema is (a descendant of) the property's range.
 * The npm package has the model but no value validators (those are in the Python package, which
 * is not installable here): the type rules below follow followthemoney/types/*.py.
 */
import { Model, defaultModel, type Schema } from '@alephdata/followthemoney';

export interface FtmLine {
  id: string;
  schema: string;
  properties: Record<string, unknown>;
}

export interface FtmProblem {
  id: string;
  schema: string;
  property?: string;
  message: string;
}

const model = new Model(defaultModel);

/** FtM's date type: an ISO 8601 prefix with a real calendar day (types/date.py). */
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
function validDate(v: string): boolean {
  const m = DATE.exec(v);
  if (!m) return false;
  const [, , mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return false;
  if (d !== undefined) {
    const date = new Date(Date.UTC(Number(m[1]), Number(mo) - 1, Number(d)));
    if (date.getUTCDate() !== Number(d)) return false;
  }
  return true;
}

/** Every schema name a schema is, itself included. */
const lineage = (s: Schema): Schema[] => s.schemata.map((name) => model.getSchema(name));

/** Validates the lines of one export; references must resolve inside it. */
export function validateFtm(lines: readonly FtmLine[]): FtmProblem[] {
  const problems: FtmProblem[] = [];
  const schemaOf = new Map<string, Schema>();
  const seen = new Set<string>();
  for (const l of lines) {
    if (typeof l.id !== 'string' || l.id === '') problems.push({ id: String(l.id), schema: l.schema, message: 'no id' });
    if (seen.has(l.id)) problems.push({ id: l.id, schema: l.schema, message: 'duplicate id' });
    seen.add(l.id);
    const schema = model.schemata[l.schema];
    if (schema) schemaOf.set(l.id, schema);
  }

  for (const l of lines) {
    const at = (message: string, property?: string) => problems.push({ id: l.id, schema: l.schema, message, ...(property ? { property } : {}) });
    const schema = model.schemata[l.schema];
    if (!schema) { at(`unknown schema "${l.schema}"`); continue; }
    if (schema.abstract) at(`schema ${l.schema} is abstract`);
    const props = l.properties ?? {};
    for (const req of new Set(lineage(schema).flatMap((s) => s.required))) {
      const v = props[req];
      if (!Array.isArray(v) || v.length === 0) at(`required property missing`, req);
    }
    for (const [name, values] of Object.entries(props)) {
      if (!schema.hasProperty(name)) { at(`not a property of ${l.schema} (nor of ${schema.extends.join(', ') || 'any parent'})`, name); continue; }
      const prop = schema.getProperty(name);
      if (prop.stub) at('a stub (reverse) property: FtM derives it', name);
      if (!Array.isArray(values) || values.length === 0) { at('values must be a non-empty list', name); continue; }
      for (const v of values as unknown[]) {
        if (typeof v !== 'string' || v.trim() === '') { at(`value ${JSON.stringify(v)} is not a non-empty string`, name); continue; }
        if (v.length > prop.maxLength) at(`value longer than ${prop.maxLength} characters`, name);
        const type = prop.type;
        if (type.name === 'date' && !validDate(v)) at(`"${v}" is not an FtM date`, name);
        if (type.values.size > 0 && !type.values.has(v)) at(`"${v}" is not a ${type.name} code`, name);
        if (type.isEntity) {
          const target = schemaOf.get(v);
          if (!target) at(`refers to "${v}", no entity of this export`, name);
          else if (prop.hasRange && !target.isA(prop.getRange())) at(`refers to a ${target.name}; the range is ${prop.getRange().name}`, name);
        }
      }
    }
    if (schema.edge) {
      for (const end of [schema.edge.source, schema.edge.target]) if (!Array.isArray(props[end])) at('edge end missing', end);
    }
  }
  return problems;
}
