/**
 * FollowTheMoney entities as JSON lines (https://followthemoney.tech), for Aleph and OpenSanctions
 * tooling: documents as `Document`, people as `Person`, groups as `Organization` (state and
 * government bodies as `PublicBody`), places as `Address`, events as `Event`; links as `Membership`
 * (MEMBER_OF), `Family` (RELATIVE_OF) or `UnknownLink` (everything else, `role` = our type and the
 * document's predicate). Citations: `proof` points at the Document entities and `notes` quotes them
 * (on links, which are FtM Intervals without notes, `summary` quotes them). Every line validates against
 * the FtM schema model of @alephdata/followthemoney (tests/support/ftmValidator.ts: schemata,
 * inherited and required properties, dates, codes, references); values are lists of strings.
 */
import type { Plain } from '../db/toPlain.js';
import { citationsOf, kindOf, type ExportData, type ExportNode, type ExportRelationship } from './model.js';
import type { Sink } from './sink.js';

type Props = Record<string, string[]>;
const PUBLIC_BODIES = new Set(['state', 'government', 'government_body']);

const str = (v: Plain | undefined): string[] => (v === null || v === undefined || v === '' ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const clean = (p: Props): Props => Object.fromEntries(Object.entries(p).filter(([, v]) => v.length > 0));
const quoted = (props: Record<string, Plain>) => citationsOf(props).map((c) => `${c.source}: “${c.quote}”`);
const proofs = (props: Record<string, Plain>) => [...new Set(citationsOf(props).map((c) => c.source))];

/** The FtM schema name for a node. */
export function ftmSchema(n: ExportNode): string | null {
  switch (kindOf(n)) {
    case 'Person': return 'Person';
    case 'Group': return PUBLIC_BODIES.has(String(n.props.groupType)) ? 'PublicBody' : 'Organization';
    case 'Place': return 'Address';
    case 'Event': return 'Event';
    case 'Source': return 'Document';
    default: return null;
  }
}

/** A node as an FtM entity, or null for what FtM has no schema for (figures). */
export function ftmNode(n: ExportNode): { id: string; schema: string; properties: Props } | null {
  const schema = ftmSchema(n);
  if (!schema) return null;
  const p = n.props;
  if (schema === 'Document') {
    // fileName is required on an FtM Document; `date` is the document's asOf (a lower bound where
    // the text gives only one: `notes` carries how it was inferred).
    return {
      id: String(p.id), schema, properties: clean({
        title: str(p.title), name: str(p.title), fileName: str(p.file), publisher: str(p.publisher), author: str(p.author),
        date: str(p.asOf), notes: [...str(p.note), ...str(p.asOfBasis).map((b) => `asOf ${String(p.asOf)}: ${b}`)],
      }),
    };
  }
  const common: Props = { name: str(p.name), alias: str(p.aliases), description: str(p.description), notes: quoted(p), proof: proofs(p) };
  if (schema === 'Event') {
    return { id: String(p.id), schema, properties: clean({ ...common, startDate: str(p.startDate), endDate: str(p.endDate), summary: str([p.eventType, p.subEventType].filter(Boolean).join(': ')) }) };
  }
  if (schema === 'Address') return { id: String(p.id), schema, properties: clean({ ...common, full: str(p.name) }) };
  return { id: String(p.id), schema, properties: clean(common) };
}

/** A link as an FtM interval entity. */
export function ftmRelationship(r: ExportRelationship): { id: string; schema: string; properties: Props } {
  const p = r.props;
  const when: Props = { date: str(p.date), startDate: str(p.since), endDate: str(p.until), summary: quoted(p), recordId: str(p.id) };
  if (r.type === 'MEMBER_OF') return { id: String(p.id), schema: 'Membership', properties: clean({ member: [r.from], organization: [r.to], role: str(p.predicate ?? p.title), ...when }) };
  if (r.type === 'RELATIVE_OF') return { id: String(p.id), schema: 'Family', properties: clean({ person: [r.from], relative: [r.to], relationship: str(p.note), ...when }) };
  const role = [r.type, p.role, p.predicate].filter((x) => x !== null && x !== undefined && x !== '').join(': ');
  return { id: String(p.id), schema: 'UnknownLink', properties: clean({ subject: [r.from], object: [r.to], role: [role], status: str(p.status), ...when }) };
}

/** Writes FtM JSON lines: the documents cited, the entities, then the links. */
export async function writeFtm(data: ExportData, sink: Sink, documents: ExportNode[]): Promise<{ nodes: number; relationships: number }> {
  for (const d of documents) sink.push(`${JSON.stringify(ftmNode(d))}\n`);
  const nodes = await data.nodes(async (n) => {
    const e = ftmNode(n);
    if (e) sink.push(`${JSON.stringify(e)}\n`);
    await sink.flush();
  });
  const relationships = await data.relationships(async (r) => {
    sink.push(`${JSON.stringify(ftmRelationship(r))}\n`);
    await sink.flush();
  });
  await sink.flush(true);
  return { nodes, relationships };
}
