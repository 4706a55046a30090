/**
 * The held-out dataset for one document: the curated entries as they would be had the document
 * never been curated. Its citations are removed and an entry left with none is removed; its
 * claims and relations are removed whole; and of every remaining entity's name and aliases only
 * those that occur in some other document stay matchable (a curator could have learnt the rest
 * only from this one).
 */
import { nameWords } from '../src/text/normalizeName.js';
import type { Dataset } from '../src/seed/index.js';
import { knownEntities, type KnownEntity } from '../src/ingest/index.js';

type Cited = { cite: { source: string; quote: string }[] };

function stripCitations<L extends { entry: Cited }>(list: readonly L[], docId: string): L[] {
  return list.flatMap((l) => {
    const cite = l.entry.cite.filter((c) => c.source !== docId);
    return cite.length === 0 ? [] : [{ ...l, entry: { ...l.entry, cite } }];
  });
}

export function holdOut(ds: Dataset, docId: string): Dataset {
  return {
    sources: ds.sources.filter((s) => s.entry.id !== docId),
    people: stripCitations(ds.people, docId),
    groups: stripCitations(ds.groups, docId),
    places: stripCitations(ds.places, docId),
    events: stripCitations(ds.events, docId),
    claims: ds.claims.filter((c) => c.entry.source !== docId && !c.entry.cite.some((x) => x.source === docId)),
    relations: ds.relations.filter((r) => !r.entry.cite.some((x) => x.source === docId)),
    // Common names come from common usage, not from any document (seed/common-names.yaml).
    ...(ds.commonNames ? { commonNames: ds.commonNames } : {}),
  };
}

/** The held-out gazetteer input: names that occur in no other document are not known. */
export function heldOutKnown(heldOut: Dataset): KnownEntity[] {
  const folded = heldOut.sources.map((s) => ` ${nameWords(s.text).join(' ')} `);
  const elsewhere = (name: string) => {
    const k = nameWords(name).join(' ');
    return k !== '' && folded.some((t) => t.includes(` ${k} `));
  };
  return knownEntities(heldOut).map((e) => ({ ...e, names: e.names.filter(elsewhere) }));
}
