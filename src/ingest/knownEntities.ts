/**
 * The entities the graph already knows, as the ingester needs them: id, kind, the names to match
 * and the type that decides tie-breaks (a state over its own territory). Built from a seed
 * Dataset, so the held-out bench can hand in a dataset with one document taken out.
 */
import { commonNamesById } from '../seed/commonNames.js';
import type { Dataset } from '../seed/index.js';

export type EntityKind = 'person' | 'group' | 'place' | 'event';

export interface KnownEntity {
  id: string;
  kind: EntityKind;
  name: string;
  /** Name and aliases that may be matched in text (the canonical name first, when it may). */
  names: string[];
  /** seed/common-names.yaml: names no document uses (ISIS), matched as the API matches them. */
  commonNames?: string[];
  /** groupType or placeType, when it has one. */
  subtype?: string;
  /** For a country place: the ids of the states it is the territory of (TERRITORY_OF). */
  territoryOf?: string[];
  unnamed: boolean;
}

export function knownEntities(ds: Dataset): KnownEntity[] {
  const common = commonNamesById(ds);
  const territoryOf = new Map<string, string[]>();
  for (const { entry: r } of ds.relations) if (r.type === 'TERRITORY_OF') territoryOf.set(r.from, [...(territoryOf.get(r.from) ?? []), r.to]);
  const out: KnownEntity[] = [];
  const add = (kind: EntityKind, e: { id: string; name: string; aliases: string[]; unnamed: boolean }, subtype?: string) =>
    out.push({
      id: e.id, kind, name: e.name, names: [e.name, ...e.aliases], subtype, unnamed: e.unnamed,
      ...(common.has(e.id) ? { commonNames: common.get(e.id)! } : {}),
      ...(territoryOf.has(e.id) ? { territoryOf: territoryOf.get(e.id)! } : {}),
    });
  for (const l of ds.people) add('person', l.entry);
  for (const l of ds.groups) add('group', l.entry, l.entry.groupType);
  for (const l of ds.places) add('place', l.entry, l.entry.placeType);
  for (const l of ds.events) add('event', l.entry);
  return out;
}
