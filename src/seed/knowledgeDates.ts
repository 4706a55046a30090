/**
 * When each fact became known: every node and relationship row gets `knownIn` (the ids of the
 * documents that state it, sorted) and `knownFrom` (the earliest of their days, YYYY-MM-DD; the
 * loader stores it as a Neo4j date). The API's `asOf` and `sources` arguments filter on `knownIn`
 * with the list of documents admitted (src/resolvers/view.ts).
 *
 * A document's day is the EARLIEST day its text allows: `notBefore` where sources.yaml gives one
 * (the latest dated incident it reports), else the first day of its `asOf` (a month counts from its
 * first day). Why the first and not the last: no document carries a publication date, so its text
 * only bounds it from below (it cannot be older than what it reports); a last day would be an
 * upper bound nothing states — the later Wikipedia revision (doc-000, "after March 2025") has none
 * at all. `asOf` D thus admits every document that can have been out by D, none that cannot.
 * An entity is known in the documents citing it and in those stating any of its links or figures
 * (a link's document names both ends even when the entity entry cites another document) — except
 * POSSIBLY_SAME_AS: a curator's comparison of two names, each quoted from its own document, so its
 * documents do not name both ends (doc-001 never names doc-000's "Bassam Hussam al-Din").
 */
import type { GraphRows, Props } from './toGraphRows.js';
import { dateBounds } from './toGraphRows.js';

/** A link whose quotes name one end each, from different documents (see above). */
const COMPARISON = 'POSSIBLY_SAME_AS';
const list = (v: Props[string] | undefined): string[] => (Array.isArray(v) ? v : []);

/** The day a document counts from: its `notBefore`, else the first day its `asOf` covers. */
export function documentDay(s: { asOf: string; notBefore?: string | null | undefined }): string {
  return s.notBefore ?? dateBounds(s.asOf).first;
}

/** Adds `knownIn` and `knownFrom` to every row of `rows` (in place) and returns it. */
export function addKnowledgeDates(rows: GraphRows): GraphRows {
  const day = new Map(rows.sources.map((s) => [s.id, documentDay({ asOf: String(s.props.asOf), notBefore: s.props.notBefore as string | null })]));
  const stamp = (props: Props, sources: Iterable<string>) => {
    const ids = [...new Set(sources)].filter((id) => day.has(id)).sort();
    const days = ids.map((id) => day.get(id)!).sort();
    props.knownIn = ids;
    props.knownFrom = days[0] ?? null;
  };

  for (const s of rows.sources) stamp(s.props, [s.id]);
  for (const r of rows.sourceRelations) stamp(r.props, [r.from]);

  // Entities: their own citations plus every link and figure that mentions them.
  const mentions = new Map<string, Set<string>>();
  const mention = (id: string, sources: Iterable<string>) => {
    const set = mentions.get(id) ?? new Set<string>();
    for (const s of sources) set.add(s);
    mentions.set(id, set);
  };
  for (const e of rows.entities) mention(e.id, list(e.props.citationSources));
  for (const r of rows.entityRelations) {
    const cites = list(r.props.citationSources);
    stamp(r.props, cites);
    if (r.type === COMPARISON) continue;
    mention(r.from, cites);
    mention(r.to, cites);
  }
  for (const c of rows.claims) stamp(c.props, [String(c.props.source), ...list(c.props.citationSources)]);
  const claimSources = new Map(rows.claims.map((c) => [c.id, c.props.knownIn as string[]]));
  for (const r of [...rows.claimEntityRelations, ...rows.claimSourceRelations]) {
    const sources = claimSources.get(r.from) ?? [];
    stamp(r.props, sources);
    if (r.type !== 'REPORTED_IN') mention(r.to, sources);
  }
  for (const e of rows.entities) stamp(e.props, mentions.get(e.id) ?? []);
  return rows;
}
