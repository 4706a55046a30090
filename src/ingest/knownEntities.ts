/**
 * The entities the graph already knows, as the ingester needs them: id, kind, the names to match
 * and the type that decides tie-breaks (a state over its own territory). Built from a seed
 * Dataset, so the held-out bench can hand in a dataset with one document taken out.
 */
import type { Dataset } from '../seed/index.js';

export type EntityKind = 'person' | 'group' | 'place' | 'event';

export interface KnownEntity {
  id: string;
  kind: EntityKind;
  name: string;
  /** Name and aliases that may be matched in text. */
  names: string[];
  /** groupType or placeType, when it has one. */
  subtype?: string;
  unnamed: boolean;
}

export function knownEntities(ds: Dataset): KnownEntity[] {
  const out: KnownEntity[] = [];
  const add = (kind: EntityKind, e: { id: string; name: string; aliases: string[]; unnamed: boolean }, subtype?: string) =>
    out.push({ id: e.id, kind, name: e.name, names: [e.name, ...e.aliases], subtype, unnamed: e.unnamed });
  for (const l of ds.people) add('person', l.entry);
  for (const l of ds.groups) add('group', l.entry, l.entry.groupType);
  for (const l of ds.places) add('place', l.entry, l.entry.placeType);
  for (const l of ds.events) add('event', l.entry);
  return out;
}
