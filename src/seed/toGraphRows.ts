/**
 * Turns a validated dataset into the rows the loader writes: node property maps grouped by kind,
 * and relationship rows (including the ones implied by fields such as `locatedIn`, `place`,
 * `partOf` and a claim's `about`). Every node and relationship carries its citations as two
 * parallel lists, `citationSources` and `citationQuotes`, so Browser and API show them alike.
 */
import { evidenceKeys, lookupKeys } from '../resolution/index.js';
import { commonNamesById } from './commonNames.js';
import type { Citation } from './entrySchemas.js';
import type { Dataset } from './readDataset.js';
import type { EntityLabel } from './vocabulary.js';
import { addKnowledgeDates } from './knowledgeDates.js';

export type Props = Record<string, string | number | boolean | string[] | null>;

export interface NodeRow {
  id: string;
  props: Props;
}

export interface EntityRow extends NodeRow {
  label: EntityLabel;
  /** ISO dates for events' Neo4j Date properties, converted by the Cypher. */
  startDate: string | null;
  endDate: string | null;
}

export interface RelationRow {
  id: string;
  type: string;
  from: string;
  to: string;
  props: Props;
  /** ISO dates for the Neo4j Date properties `sinceDate` (first day of `since`) and `untilDate` (last day of `until`). */
  sinceDate?: string | null;
  untilDate?: string | null;
}

export interface GraphRows {
  sources: NodeRow[];
  entities: EntityRow[];
  claims: NodeRow[];
  /** Entity → entity relationships, any whitelisted type. */
  entityRelations: RelationRow[];
  /** Claim → entity (ABOUT, CLAIMED_BY). */
  claimEntityRelations: RelationRow[];
  /** Claim → source (REPORTED_IN). */
  claimSourceRelations: RelationRow[];
  /** Source → source (REVISION_OF). */
  sourceRelations: RelationRow[];
}

function citationProps(cite: readonly Citation[]): Props {
  return { citationSources: cite.map((c) => c.source), citationQuotes: cite.map((c) => c.quote) };
}

/** First and last day covered by a partial date: 2024-12 covers 2024-12-01 … 2024-12-31. */
export function dateBounds(partial: string): { first: string; last: string } {
  const [y, m, d] = partial.split('-');
  if (d !== undefined) return { first: partial, last: partial };
  if (m !== undefined) {
    const lastDay = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { first: `${y}-${m}-01`, last: `${y}-${m}-${String(lastDay).padStart(2, '0')}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

/**
 * The name-lookup properties of an entity (src/resolution/lookupKeys.ts): its common names
 * (seed/common-names.yaml, never mixed into `aliases`) and the indexed lookup terms.
 */
export function entityNameProps(
  e: { name: string; aliases: readonly string[]; description?: string | null | undefined; unnamed: boolean; roles?: readonly string[] | undefined },
  commonNames: readonly string[],
): Props {
  return {
    commonNames: [...commonNames],
    lookupKeys: lookupKeys({ ...e, commonNames }),
  };
}

export function toGraphRows(ds: Dataset): GraphRows {
  const rows: GraphRows = { sources: [], entities: [], claims: [], entityRelations: [], claimEntityRelations: [], claimSourceRelations: [], sourceRelations: [] };

  for (const { entry: s, text } of ds.sources) {
    rows.sources.push({
      id: s.id,
      props: {
        id: s.id, title: s.title, kind: s.kind, publisher: s.publisher, author: s.author ?? null,
        basedOn: s.basedOn ?? null, asOf: s.asOf, notBefore: s.notBefore ?? null,
        asOfBasis: s.asOfBasis?.how ?? null, asOfQuotes: s.asOfBasis?.quotes ?? [], file: s.file, note: s.note ?? null, text,
      },
    });
    if (s.revisionOf) {
      rows.sourceRelations.push({
        id: `${s.id}--revision-of`, type: 'REVISION_OF', from: s.id, to: s.revisionOf,
        props: { id: `${s.id}--revision-of`, note: s.note ?? null },
      });
    }
  }

  const commonNames = commonNamesById(ds);
  const entity = (label: EntityLabel, e: { id: string; name: string; aliases: string[]; description?: string | undefined; unnamed: boolean; certainty: string; claimedBy?: string | undefined; cite: Citation[]; roles?: string[] | undefined }, extra: Props, dates?: { start: string; end?: string | undefined }) => {
    rows.entities.push({
      id: e.id,
      label,
      startDate: dates ? dateBounds(dates.start).first : null,
      endDate: dates ? dateBounds(dates.end ?? dates.start).last : null,
      props: {
        id: e.id, kind: label, name: e.name, aliases: e.aliases, aliasText: e.aliases.join(' | '),
        ...entityNameProps(e, commonNames.get(e.id) ?? []),
        description: e.description ?? null, unnamed: e.unnamed,
        certainty: e.certainty, claimedBy: e.claimedBy ?? null, ...citationProps(e.cite), ...extra,
      },
    });
  };
  // A relationship implied by a field of an entry is cited by that entry's quotes.
  const implied = (owner: { id: string; cite: Citation[]; certainty?: string }, type: string, to: string, suffix: string, extra: Props = {}) => {
    const id = `${owner.id}--${suffix}`;
    rows.entityRelations.push({
      id, type, from: owner.id, to,
      props: {
        id, date: null, certainty: owner.certainty ?? 'stated', claimedBy: null, role: null, note: null, event: null,
        predicate: null, since: null, until: null, status: null, title: null, ...citationProps(owner.cite), ...extra,
      },
    });
  };

  for (const { entry: p } of ds.people) entity('Person', p, { roles: p.roles });
  for (const { entry: g } of ds.groups) entity('Group', g, { groupType: g.groupType });
  for (const { entry: p } of ds.places) {
    entity('Place', p, { placeType: p.placeType });
    if (p.locatedIn) implied(p, 'LOCATED_IN', p.locatedIn, 'located-in');
  }
  for (const { entry: e } of ds.events) {
    entity('Event', e, {
      eventType: e.eventType, subEventType: e.subEventType, start: e.start, end: e.end ?? e.start,
      datePrecision: e.datePrecision, placePrecision: e.placePrecision ?? null,
    }, { start: e.start, end: e.end });
    if (e.place) implied(e, 'OCCURRED_IN', e.place, 'occurred-in', { placePrecision: e.placePrecision ?? null, date: e.start });
    if (e.partOf) implied(e, 'PART_OF', e.partOf, 'part-of');
  }

  const sourceAsOf = new Map(ds.sources.map((s) => [s.entry.id, s.entry.asOf]));
  for (const { entry: c } of ds.claims) {
    const cites = citationProps(c.cite);
    rows.claims.push({
      id: c.id,
      props: {
        id: c.id, measure: c.measure, victims: c.victims, value: c.value ?? null, low: c.low ?? null, high: c.high ?? null,
        qualifier: c.qualifier, asOf: c.asOf ?? sourceAsOf.get(c.source) ?? null, certainty: c.certainty,
        description: c.description ?? null, source: c.source, claimedBy: c.claimedBy ?? null, about: c.about ?? null, ...cites,
      },
    });
    const link = (list: RelationRow[], type: string, to: string, suffix: string) => {
      const id = `${c.id}--${suffix}`;
      list.push({ id, type, from: c.id, to, props: { id, certainty: c.certainty, ...cites } });
    };
    if (c.about) link(rows.claimEntityRelations, 'ABOUT', c.about, 'about');
    if (c.claimedBy) link(rows.claimEntityRelations, 'CLAIMED_BY', c.claimedBy, 'claimed-by');
    link(rows.claimSourceRelations, 'REPORTED_IN', c.source, 'reported-in');
  }

  for (const { entry: r } of ds.relations) {
    rows.entityRelations.push({
      id: r.id, type: r.type, from: r.from, to: r.to,
      props: {
        id: r.id, date: r.date ?? null, certainty: r.certainty, claimedBy: r.claimedBy ?? null,
        role: r.role ?? null, note: r.note ?? null, event: r.event ?? null,
        predicate: r.predicate ?? null, since: r.since ?? null, until: r.until ?? null,
        status: r.status ?? null, title: r.title ?? null, ...citationProps(r.cite),
      },
      sinceDate: r.since ? dateBounds(r.since).first : null,
      untilDate: r.until ? dateBounds(r.until).last : null,
    });
  }
  addKnowledgeDates(rows);
  // Known only now: how many documents speak of each entity ranks equal name matches.
  for (const e of rows.entities) e.props.lookupKeys = [...(e.props.lookupKeys as string[]), ...evidenceKeys((e.props.knownIn as string[]).length)];
  return rows;
}
