/**
 * The shape of every seed entry, checked with zod. Cross-entry rules (unique ids, references,
 * verbatim quotes) live in validateDataset.ts; this module only knows one entry at a time.
 */
import { z } from 'zod';
import {
  ACLED_EVENT_TYPES, CERTAINTIES, CLAIM_MEASURES, CLAIM_QUALIFIERS, CLAIM_VICTIMS,
  DATE_PRECISIONS, GROUP_TYPES, PARTICIPANT_ROLES, PLACE_PRECISIONS, PLACE_TYPES,
  RELATION_STATUSES, RELATION_TYPE_NAMES,
} from './vocabulary.js';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case (a-z, 0-9, single hyphens)');

/** A partial ISO date as the documents give it: a day, a month or a year. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY-MM-DD, YYYY-MM or YYYY')
  .refine((s) => isRealPartialDate(s), 'is not a calendar date');

// YAML parses an unquoted 2024-12-25 as a Date: accept it and turn it back into text.
const dateText = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v),
  partialDate,
);

function isRealPartialDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y!, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Case-insensitive, whitespace-normalised containment: does `quote` contain `phrase`? */
export function quoteContains(quote: string, phrase: string): boolean {
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(quote).includes(norm(phrase));
}

export const citationSchema = z.strictObject({
  source: id,
  quote: z.string().trim().min(3, 'is too short to state a fact'),
});

const cite = z.array(citationSchema).min(1, 'needs at least one citation: every fact names its document and quote');
const certainty = z.enum(CERTAINTIES).default('stated');
const aliases = z.array(z.string().trim().min(1)).default([]);

const entityBase = {
  id,
  name: z.string().trim().min(1),
  aliases,
  description: z.string().trim().optional(),
  unnamed: z.boolean().default(false),
  certainty,
  claimedBy: id.optional(),
  cite,
};

export const personSchema = z.strictObject({
  ...entityBase,
  roles: z.array(z.string().trim().min(1)).default([]),
});

export const groupSchema = z.strictObject({
  ...entityBase,
  groupType: z.enum(GROUP_TYPES),
});

export const placeSchema = z.strictObject({
  ...entityBase,
  placeType: z.enum(PLACE_TYPES),
  locatedIn: id.optional(),
});

const eventTypes = Object.keys(ACLED_EVENT_TYPES) as [keyof typeof ACLED_EVENT_TYPES, ...(keyof typeof ACLED_EVENT_TYPES)[]];

export const eventSchema = z
  .strictObject({
    ...entityBase,
    eventType: z.enum(eventTypes),
    subEventType: z.string(),
    start: dateText,
    end: dateText.optional(),
    datePrecision: z.enum(DATE_PRECISIONS),
    place: id.optional(),
    placePrecision: z.enum(PLACE_PRECISIONS).optional(),
    partOf: id.optional(),
  })
  .superRefine((e, ctx) => {
    const allowed: readonly string[] = ACLED_EVENT_TYPES[e.eventType];
    if (!allowed.includes(e.subEventType)) {
      ctx.addIssue({
        code: 'custom',
        path: ['subEventType'],
        message: `"${e.subEventType}" is not a sub-event type of ${e.eventType} (allowed: ${allowed.join(', ')})`,
      });
    }
    if (e.end !== undefined && e.end < e.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `ends (${e.end}) before it starts (${e.start})` });
    }
    if (e.place !== undefined && e.placePrecision === undefined) {
      ctx.addIssue({ code: 'custom', path: ['placePrecision'], message: 'is required when place is given (exact, near or region)' });
    }
  });

export const claimSchema = z
  .strictObject({
    id,
    measure: z.enum(CLAIM_MEASURES),
    victims: z.enum(CLAIM_VICTIMS).default('unspecified'),
    value: z.number().int().nonnegative().optional(),
    low: z.number().int().nonnegative().optional(),
    high: z.number().int().nonnegative().optional(),
    qualifier: z.enum(CLAIM_QUALIFIERS).default('exact'),
    about: id.optional(),
    claimedBy: id.optional(),
    source: id,
    asOf: dateText.optional(),
    certainty: z.enum(CERTAINTIES).default('claimed'),
    description: z.string().trim().optional(),
    cite,
  })
  .superRefine((c, ctx) => {
    if (c.qualifier === 'range') {
      if (c.low === undefined || c.high === undefined) {
        ctx.addIssue({ code: 'custom', path: ['low'], message: 'a range needs both low and high' });
      } else if (c.low > c.high) {
        ctx.addIssue({ code: 'custom', path: ['high'], message: `high (${c.high}) is below low (${c.low})` });
      }
    } else if (c.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `is required unless qualifier is range (qualifier: ${c.qualifier})` });
    }
  });

export const relationSchema = z
  .strictObject({
    id,
    type: z.enum(RELATION_TYPE_NAMES as [string, ...string[]]),
    from: id,
    to: id,
    date: dateText.optional(),
    event: id.optional(),
    role: z.enum(PARTICIPANT_ROLES).optional(),
    certainty,
    claimedBy: id.optional(),
    note: z.string().trim().optional(),
    /** The document's own verb phrase, verbatim from one of the quotes ("sent reinforcements to secure"). */
    predicate: z.string().trim().min(2).optional(),
    /** When the link began / ended, as precisely as the text gives it. */
    since: dateText.optional(),
    until: dateText.optional(),
    status: z.enum(RELATION_STATUSES).optional(),
    /** The office held, on HOLDS_POSITION_IN ("Secretary of State"). */
    title: z.string().trim().min(1).optional(),
    cite,
  })
  .superRefine((r, ctx) => {
    if (r.predicate !== undefined && !r.cite.some((c) => quoteContains(c.quote, r.predicate!))) {
      ctx.addIssue({ code: 'custom', path: ['predicate'], message: `"${r.predicate}" does not occur in any of the entry's quotes (case-insensitive): the predicate is the document's own words` });
    }
    if (r.type === 'HOLDS_POSITION_IN' && r.title === undefined) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'is required on HOLDS_POSITION_IN: the office held, as the document words it' });
    }
    if (r.type === 'ORDERED' && r.predicate === undefined) {
      ctx.addIssue({ code: 'custom', path: ['predicate'], message: 'is required on ORDERED: what was ordered, in the document\'s words ("ordered the arrest of")' });
    }
    if (r.title !== undefined && r.type !== 'HOLDS_POSITION_IN') {
      ctx.addIssue({ code: 'custom', path: ['title'], message: `only HOLDS_POSITION_IN has a title (type: ${r.type})` });
    }
    if (r.since !== undefined && r.until !== undefined && r.until < r.since) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: `ends (${r.until}) before it begins (${r.since})` });
    }
    if (r.status === 'current' && r.until !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: `is current but the link ends (until: ${r.until})` });
    }
    if (r.type === 'PARTICIPATED_IN' && r.role === undefined) {
      ctx.addIssue({ code: 'custom', path: ['role'], message: 'is required on PARTICIPATED_IN' });
    }
    if (r.type !== 'PARTICIPATED_IN' && r.role !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['role'], message: `only PARTICIPATED_IN has a role (type: ${r.type})` });
    }
    if (r.type === 'POSSIBLY_SAME_AS' && (r.note === undefined || r.note === '')) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'is required on POSSIBLY_SAME_AS: say why they may be the same' });
    }
    if (r.from === r.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'a relation cannot link an entity to itself' });
    }
  });

export const sourceSchema = z.strictObject({
  id,
  file: z.string().regex(/^[\w.-]+\.txt$/, 'must be a .txt file name in seed/documents/'),
  title: z.string().trim().min(1),
  kind: z.enum(['encyclopedia_revision', 'news_report']),
  publisher: z.string().trim().min(1),
  author: z.string().trim().optional(),
  basedOn: z.string().trim().optional(),
  /** The document's date, only as precise as its text allows (none carries a publication date). */
  asOf: dateText,
  /**
   * The earliest day the document can be of, where its text shows a later day than the first of
   * `asOf` (the latest dated incident it reports): a month is kept a month, this is its bound.
   */
  notBefore: dateText.refine((s) => s.length === 10, 'must be a day, YYYY-MM-DD').optional(),
  /** How `asOf` was inferred: the reasoning and the words of the document that support it. */
  asOfBasis: z.strictObject({
    how: z.string().trim().min(1),
    quotes: z.array(z.string().trim().min(1)).min(1),
  }).optional(),
  revisionOf: id.optional(),
  note: z.string().trim().optional(),
});

/** The sections a data file may have, each a list of entries of one shape. */
export const SECTION_SCHEMAS = {
  people: personSchema,
  groups: groupSchema,
  places: placeSchema,
  events: eventSchema,
  claims: claimSchema,
  relations: relationSchema,
} as const;
export type SectionName = keyof typeof SECTION_SCHEMAS;
export const SECTION_NAMES = Object.keys(SECTION_SCHEMAS) as SectionName[];

export type PersonEntry = z.infer<typeof personSchema>;
export type GroupEntry = z.infer<typeof groupSchema>;
export type PlaceEntry = z.infer<typeof placeSchema>;
export type EventEntry = z.infer<typeof eventSchema>;
export type ClaimEntry = z.infer<typeof claimSchema>;
export type RelationEntry = z.infer<typeof relationSchema>;
export type SourceEntry = z.infer<typeof sourceSchema>;
export type Citation = z.infer<typeof citationSchema>;
