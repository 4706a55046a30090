/**
 * Argument checks shared by the resolvers. Out-of-range or malformed arguments are refused with
 * BAD_USER_INPUT and a message naming the argument and what is allowed, instead of being
 * silently clamped, so that a client never mistakes a cut-down answer for the whole one.
 */
import { AppError, ErrorCode } from '../errors/index.js';
import { searchWords } from '../cypher/lucene.js';
import { RELATION_TYPE_NAMES, type RelationType } from '../seed/vocabulary.js';
import { nameKey } from '../text/normalizeName.js';

/** The caps on list sizes and traversal depth (also stated in schema.graphql). */
export const LIMITS = {
  searchFirst: { min: 1, max: 50 },
  neighbourhoodDepth: { min: 1, max: 3 },
  neighbourhoodFirst: { min: 1, max: 500 },
  neighbourhoodMaxEdges: 2_000,
  /** Entities with more links are collapsed (not walked through); default 500. */
  neighbourhoodMaxDegree: { min: 0, max: 10_000 },
  pathsMaxHops: { min: 1, max: 6 },
  pathsFirst: { min: 1, max: 20 },
  /** Entities with more links are not passed through by paths (default PATHS_MAX_DEGREE). */
  pathsMaxDegree: { min: 0, max: 1_000_000 },
  /** Query.pathSearch lists at most this many of the entities it did not pass through. */
  pathsCollapsed: 50,
  eventsFirst: { min: 1, max: 100 },
  relationsFirst: { min: 1, max: 500 },
  placeEventsFirst: { min: 1, max: 100 },
  /** Events an aggregate reads at most (Query.casualties); `truncated` says when more match. */
  aggregateEvents: 5_000,
  /** What one document states (Source.entities, events, relationships). */
  sourceStatementsFirst: { min: 1, max: 500 },
  /** One-hop shortcut fields (leaders, members…) are lists without `first`; this bounds them. */
  shortcutMax: 1_000,
  /** Characters of a name or search text, as typed and again after Unicode folding (NFKD). */
  nameLength: 200,
  /**
   * Letters of one folded word: a fuzzy term's automaton grows with its length, and Lucene
   * refuses (as a server error) one built from hundreds of letters. The longest word of any
   * name in the seed is far shorter.
   */
  wordLength: 40,
  listLength: 50,
} as const;

/**
 * Page sizes: for each field that takes `first`, its range and its default. The resolvers read
 * their page size through `pageSize` and the cost limit (src/server/costLimit.ts) weighs lists
 * through the same function, so the two cannot disagree: an omitted or `null` `first` is the
 * default for both. The defaults are also written in schema.graphql (a unit test keeps them equal).
 */
export const PAGE_SIZES = {
  'Query.search': { ...LIMITS.searchFirst, default: 10 },
  'Query.neighbourhood': { ...LIMITS.neighbourhoodFirst, default: 100 },
  'Query.paths': { ...LIMITS.pathsFirst, default: 5 },
  'Query.pathSearch': { ...LIMITS.pathsFirst, default: 5 },
  'Query.events': { ...LIMITS.eventsFirst, default: 20 },
  'Entity.relations': { ...LIMITS.relationsFirst, default: 100 },
  'Place.events': { ...LIMITS.placeEventsFirst, default: 50 },
  'Source.entities': { ...LIMITS.sourceStatementsFirst, default: 100 },
  'Source.events': { ...LIMITS.sourceStatementsFirst, default: 100 },
  'Source.relationships': { ...LIMITS.sourceStatementsFirst, default: 100 },
} as const satisfies Record<string, { min: number; max: number; default: number }>;

/** A field coordinate with a page size (`Type.field`; entity types share `Entity.relations`). */
export type PagedField = keyof typeof PAGE_SIZES;

function badInput(message: string, extensions: Record<string, unknown> = {}): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, message, extensions);
}

/** An integer argument within [min, max]. */
export function intInRange(name: string, value: number | null | undefined, range: { min: number; max: number }, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < range.min || v > range.max) {
    throw badInput(`"${name}" must be an integer from ${range.min} to ${range.max}; got ${v}.`, { argument: name, min: range.min, max: range.max });
  }
  return v;
}

/** The page size of `field` for a `first` argument as given (undefined or null: the default). */
export function pageSize(field: PagedField, value: number | null | undefined): number {
  const range = PAGE_SIZES[field];
  return intInRange('first', value, range, range.default);
}

/**
 * Length checks on text typed by a user, before and after folding: Unicode compatibility
 * folding (NFKD) can expand one character into several (`㌀` → 4 letters), so a text within
 * the limit as typed can be far longer by the time it reaches an index.
 */
function checkTextLength(name: string, value: string, foldedWords: readonly string[]): void {
  if (value.length > LIMITS.nameLength || foldedWords.join(' ').length > LIMITS.nameLength) {
    throw badInput(`"${name}" is longer than ${LIMITS.nameLength} characters (as typed or once its letters are unfolded).`, { argument: name, max: LIMITS.nameLength });
  }
  if (foldedWords.some((w) => w.length > LIMITS.wordLength)) {
    throw badInput(`"${name}" has a word longer than ${LIMITS.wordLength} letters.`, { argument: name, maxWordLength: LIMITS.wordLength });
  }
}

/** A name as typed by a user: non-empty once folded, and of sane length (as typed and folded). */
export function nameArg(name: string, value: string): { text: string; key: string } {
  if (value.length > LIMITS.nameLength) checkTextLength(name, value, []);
  const key = nameKey(value);
  checkTextLength(name, value, key.split(' '));
  if (key === '') throw badInput(`"${name}" must contain at least one letter or digit.`, { argument: name });
  return { text: value, key };
}

/** Free search text: of sane length as typed and once folded into search words. */
export function searchTextArg(name: string, value: string): string {
  if (value.length > LIMITS.nameLength) checkTextLength(name, value, []);
  checkTextLength(name, value, searchWords(value));
  return value;
}

/** A list argument of sane length. */
export function listArg<T>(name: string, value: readonly T[] | null | undefined): readonly T[] {
  const list = value ?? [];
  if (list.length > LIMITS.listLength) throw badInput(`"${name}" takes at most ${LIMITS.listLength} values.`, { argument: name });
  return list;
}

/** Relationship types, checked against the whitelist; null or absent means every type. */
export function relationTypesArg(name: string, value: readonly string[] | null | undefined): RelationType[] {
  if (value === null || value === undefined) return [...RELATION_TYPE_NAMES];
  const known: readonly string[] = RELATION_TYPE_NAMES;
  const unknown = value.filter((t) => !known.includes(t));
  if (unknown.length > 0) {
    throw badInput(`"${name}" has unknown relationship types: ${unknown.join(', ')}.`, { argument: name, unknown, allowed: RELATION_TYPE_NAMES });
  }
  return [...new Set(value)] as RelationType[];
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A date given as YYYY, YYYY-MM or YYYY-MM-DD, as the first or last day it covers
 * ('2024-12' → 2024-12-01 as a start, 2024-12-31 as an end).
 */
export function dateBoundArg(name: string, value: string | null | undefined, bound: 'first' | 'last'): string | null {
  if (value === null || value === undefined) return null;
  const m = PARTIAL_DATE.exec(value.trim());
  const y = Number(m?.[1]);
  const mo = m?.[2] === undefined ? undefined : Number(m[2]);
  const d = m?.[3] === undefined ? undefined : Number(m[3]);
  const valid =
    m !== null && y >= 1000 && (mo === undefined || (mo >= 1 && mo <= 12)) &&
    (d === undefined || (d >= 1 && d <= new Date(Date.UTC(y, mo!, 0)).getUTCDate()));
  if (!valid) throw badInput(`"${name}" must be a date as YYYY, YYYY-MM or YYYY-MM-DD; got "${value}".`, { argument: name });
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const month = mo ?? (bound === 'first' ? 1 : 12);
  const day = d ?? (bound === 'first' ? 1 : new Date(Date.UTC(y, month, 0)).getUTCDate());
  return `${pad(y, 4)}-${pad(month)}-${pad(day)}`;
}

/** Opaque cursors for events: base64url of the sort key (start date, id). */
export function encodeCursor(startDate: string, id: string): string {
  return Buffer.from(JSON.stringify([startDate, id]), 'utf8').toString('base64url');
}

/** YYYY-MM-DD naming a day that exists: Neo4j's date() fails on 0000-00-00 or 2024-02-30. */
function isCalendarDay(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** Reads a cursor from encodeCursor; anything else is BAD_USER_INPUT naming the argument. */
export function decodeCursor(name: string, cursor: string | null | undefined): { startDate: string; id: string } | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) && parsed.length === 2 &&
      typeof parsed[0] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(parsed[0]) &&
      isCalendarDay(parsed[0]) &&
      typeof parsed[1] === 'string' && parsed[1].length <= 200
    ) {
      return { startDate: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through: any undecodable cursor is the client's mistake
  }
  throw badInput(`"${name}" is not a cursor this API issued; pass an endCursor from a previous page.`, { argument: name });
}
