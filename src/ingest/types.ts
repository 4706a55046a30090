/**
 * What each ingestion stage hands to the next. Offsets are character offsets into the document
 * text, so every quote the draft writes is a verbatim slice of it.
 */
import type { EntityKind } from './knownEntities.js';

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** `infobox` for a cell of a table row (src/text/splitSentences.ts), else prose. */
  kind?: 'prose' | 'infobox';
  /** The paragraph (non-empty line) it is in. */
  paragraph?: number;
}

/** A span of a sentence that names an entity the graph already knows. */
export interface Mention {
  entityId: string;
  kind: EntityKind;
  sentence: number;
  start: number;
  end: number;
  text: string;
  /**
   * How src/resolution's ladder matched it — full: a name, alias or common-name key; reordered /
   * spelling: the ladder's REORDERED / SPELLING steps — or which rule of running text decided:
   * surname (a known person's name-word, unambiguous in this document), state-over-territory,
   * context (a tie broken by an earlier mention or a governorate list).
   */
  how: 'full' | 'reordered' | 'spelling' | 'surname' | 'state-over-territory' | 'context';
  confidence: number;
}

/** A span the gazetteer could not resolve to one entity. */
export interface AmbiguousMention {
  sentence: number;
  start: number;
  end: number;
  text: string;
  candidates: string[];
}

/** A name the graph does not know, found by NER or by capitalisation. */
export interface NewEntityCandidate {
  kind: 'person' | 'group' | 'place';
  name: string;
  sentence: number;
  start: number;
  end: number;
  confidence: number;
  why: string;
}

export interface DateMention {
  sentence: number;
  text: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY, as far as the text fixes it. */
  value: string;
  precision: 'day' | 'week' | 'month' | 'year';
  why: string;
}

export interface Figure {
  sentence: number;
  /** Other sentences that repeat the same toll (the headline, the lead). */
  alsoIn?: number[];
  text: string;
  value?: number;
  low?: number;
  high?: number;
  qualifier: 'exact' | 'at_least' | 'more_than' | 'about' | 'at_most' | 'range';
  measure: string;
  victims: string;
  /** A known entity id, or the name of a new-entity candidate. */
  claimedBy?: string;
  claimantText?: string;
  about?: string;
  certainty: 'stated' | 'reported' | 'claimed' | 'alleged' | 'disputed';
  confidence: number;
  why: string;
}

/** A proposed relationship between two mentioned entities (known ids or candidate ids). */
export interface RelationProposal {
  type: string;
  from: string;
  to: string;
  sentence: number;
  predicate: string;
  certainty: 'stated' | 'reported' | 'claimed' | 'alleged' | 'disputed';
  claimedBy?: string;
  date?: string;
  note?: string;
  /** On PARTICIPATED_IN only: perpetrator, target or participant. */
  role?: string;
  confidence: number;
  why: string;
}
