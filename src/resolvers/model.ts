/**
 * The shapes resolvers pass around: plain objects built from query rows. Nodes keep their stored
 * property names (so GraphQL's default resolvers read `name`, `eventType`…); references to other
 * nodes stay ids until a field asks for them, and are then loaded in batches.
 */
import type { ClaimFigure } from '../analysis/figure.js';
import type { Row } from '../db/executor.js';
import type { Plain } from '../db/toPlain.js';
import type { EntityLabel } from '../seed/vocabulary.js';
import type { View } from './view.js';

/** An entity node's properties (Person, Group, Place or Event). */
export interface EntityNode {
  id: string;
  kind: EntityLabel;
  name: string;
  aliases: string[];
  description: string | null;
  unnamed: boolean;
  certainty: string;
  /** Id of the entity claiming it, or null. */
  claimedBy: string | null;
  citationSources: string[];
  citationQuotes: string[];
  /** The documents that state it or any of its links and figures (src/seed/knowledgeDates.ts). */
  knownIn: string[];
  startDate?: string | null;
  /** The analyst view the entity was reached under (src/resolvers/view.ts); absent: no filter. */
  view?: View;
  /**
   * Reached by a slim relations read (src/resolvers/lookahead.ts `slimSelection`): only id, name
   * and kind are loaded, and its own relations come from the slim-keyed loader.
   */
  slim?: true;
  [property: string]: Plain | View | undefined;
}

/** A link as seen from one entity. */
export interface RelationModel {
  id: string;
  type: string;
  direction: 'OUT' | 'IN';
  other: EntityNode;
  date: string | null;
  certainty: string;
  claimedBy: string | null;
  role: string | null;
  note: string | null;
  /** Id of the event the link belongs to. */
  event: string | null;
  /** The document's own verb phrase. */
  predicate: string | null;
  since: string | null;
  until: string | null;
  status: string | null;
  title: string | null;
  citationSources: string[];
  citationQuotes: string[];
  /** The documents stating it. */
  knownIn: string[];
  /** The earliest knownFrom of the documents stating it (YYYY-MM-DD). */
  knownFrom: string | null;
  /** The analyst view it was reached under. */
  view?: View;
}

/** A document's properties, with the id of the document it revises. */
export interface SourceNode {
  id: string;
  title: string;
  kind: string;
  publisher: string | null;
  asOf: string | null;
  note: string | null;
  text: string | null;
  revisionOfId: string | null;
  /** The day it counts from: `notBefore`, else the first day of `asOf` (YYYY-MM-DD). */
  knownFrom: string | null;
  /** The earliest day its text allows, where later than the first day of `asOf`. */
  notBefore: string | null;
  /** How `asOf` was inferred, and the document's words that support it. */
  asOfBasis: string | null;
  asOfQuotes: string[];
}

/** A figure some document reports, with its references as ids (the figure itself: ClaimFigure). */
export interface ClaimModel extends ClaimFigure {
  measure: string;
  certainty: string;
  description: string | null;
  aboutId: string | null;
  /** Start date of the event it is about, for ordering. */
  aboutStart: string | null;
  citationSources: string[];
  citationQuotes: string[];
  /** The documents stating it (its source, and any other it is cited from). */
  knownIn: string[];
  /** The earliest knownFrom of the documents stating it (YYYY-MM-DD). */
  knownFrom: string | null;
  /** Filled in from the claims answered together with this one. */
  conflictsWith: ClaimModel[];
  /** The analyst view it was reached under. */
  view?: View;
}

/** A citation before its source is loaded. */
export interface CitationRef {
  sourceId: string;
  quote: string;
}

const str = (v: Plain | undefined): string | null => (typeof v === 'string' ? v : null);
const strList = (v: Plain | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const num = (v: Plain | undefined): number | null => (typeof v === 'number' ? v : null);

/** Reads an entity node's properties from a row value. */
export function toEntity(value: Plain | undefined): EntityNode {
  const p = (value ?? {}) as Record<string, Plain>;
  return {
    ...p,
    id: String(p.id),
    kind: String(p.kind) as EntityLabel,
    name: String(p.name),
    aliases: strList(p.aliases),
    description: str(p.description),
    unnamed: p.unnamed === true,
    certainty: str(p.certainty) ?? 'stated',
    claimedBy: str(p.claimedBy),
    citationSources: strList(p.citationSources),
    citationQuotes: strList(p.citationQuotes),
    knownIn: strList(p.knownIn),
  };
}

/** Reads a relationship map (`r {.*, type}`) seen from an entity. */
export function toRelation(rel: Plain | undefined, outgoing: boolean, other: EntityNode): RelationModel {
  const r = (rel ?? {}) as Record<string, Plain>;
  return {
    id: String(r.id),
    type: String(r.type),
    direction: outgoing ? 'OUT' : 'IN',
    other,
    date: str(r.date),
    certainty: str(r.certainty) ?? 'stated',
    claimedBy: str(r.claimedBy),
    role: str(r.role),
    note: str(r.note),
    event: str(r.event),
    predicate: str(r.predicate),
    since: str(r.since),
    until: str(r.until),
    status: str(r.status),
    title: str(r.title),
    citationSources: strList(r.citationSources),
    citationQuotes: strList(r.citationQuotes),
    knownIn: strList(r.knownIn),
    knownFrom: str(r.knownFrom),
  };
}

/** Reads a source map (`s {.*, revisionOfId}`). */
export function toSource(value: Plain | undefined): SourceNode {
  const s = (value ?? {}) as Record<string, Plain>;
  return {
    id: String(s.id),
    title: String(s.title),
    kind: String(s.kind),
    publisher: str(s.publisher),
    asOf: str(s.asOf),
    note: str(s.note),
    text: str(s.text),
    revisionOfId: str(s.revisionOfId),
    knownFrom: str(s.knownFrom),
    notBefore: str(s.notBefore),
    asOfBasis: str(s.asOfBasis),
    asOfQuotes: Array.isArray(s.asOfQuotes) ? s.asOfQuotes.map(String) : [],
  };
}

/** Reads a claim map (`c {.*, aboutId, aboutStart, claimedById, sourceId}`). */
export function toClaim(value: Plain | undefined): ClaimModel {
  const c = (value ?? {}) as Record<string, Plain>;
  return {
    id: String(c.id),
    measure: String(c.measure),
    victims: str(c.victims) ?? 'unspecified',
    value: num(c.value),
    low: num(c.low),
    high: num(c.high),
    qualifier: str(c.qualifier) ?? 'exact',
    asOf: str(c.asOf),
    certainty: str(c.certainty) ?? 'stated',
    description: str(c.description),
    aboutId: str(c.aboutId),
    aboutStart: str(c.aboutStart),
    claimedById: str(c.claimedById),
    sourceId: str(c.sourceId),
    citationSources: strList(c.citationSources),
    citationQuotes: strList(c.citationQuotes),
    knownIn: strList(c.knownIn),
    knownFrom: str(c.knownFrom),
    conflictsWith: [],
  };
}

/** Pairs the parallel citation lists stored on nodes and relationships. */
export function citationRefs(x: { citationSources: string[]; citationQuotes: string[] }): CitationRef[] {
  return x.citationSources.map((sourceId, i) => ({ sourceId, quote: x.citationQuotes[i] ?? '' }));
}

/** A claim's figure in words: "more than 344", "at least 1,000", "70–80". */
export function claimFigure(c: Pick<ClaimModel, 'value' | 'low' | 'high' | 'qualifier'>): string {
  const n = (x: number | null) => (x === null ? '?' : x.toLocaleString('en-US'));
  if (c.qualifier === 'range' || (c.value === null && (c.low !== null || c.high !== null))) return `${n(c.low)}–${n(c.high)}`;
  const words: Record<string, string> = { exact: '', at_least: 'at least ', more_than: 'more than ', about: 'about ', at_most: 'at most ' };
  return `${words[c.qualifier] ?? ''}${n(c.value)}`;
}

/** Row field as a list (for `collect(...)` results). */
export function rowList(row: Row, key: string): Plain[] {
  const v = row[key];
  return Array.isArray(v) ? v : [];
}
