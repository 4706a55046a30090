/**
 * Stage 6: the draft file, seed/drafts/<id>.yaml, in the seed format. Every proposal is a seed
 * entry plus three review fields — `review` (pending | accepted | rejected), `confidence` and
 * `why` — and cites its sentence verbatim. `mentions` link the document to entities the graph
 * knows (accepting one adds the citation to that entity); `dates` and `ambiguous` are for the
 * curator's eye only and are never loaded.
 */
import { stringify } from 'yaml';
import { relationSchema } from '../seed/entrySchemas.js';
import type { DraftModel } from './buildDraft.js';

/** Whether the seed schema already has the v2 `predicate` field (know1 adds it). */
const SUPPORTS_PREDICATE = relationSchema.safeParse({
  id: 'x-y', type: 'ATTACKED', from: 'a', to: 'b', predicate: 'attacked', cite: [{ source: 's', quote: 'a attacked b' }],
}).success;

const round = (n: number) => Math.round(n * 100) / 100;

export function draftToObject(d: DraftModel): Record<string, unknown> {
  const id = d.meta.id;
  const quote = (i: number) => ({ source: id, quote: d.sentences[i]!.text });
  const used = new Set<string>();
  const unique = (base: string) => {
    let s = base.replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 90).replace(/-+$/, '');
    for (let n = 2; used.has(s); n++) s = `${base.slice(0, 86)}-${n}`;
    used.add(s);
    return s;
  };
  const meta = (confidence: number, why: string) => ({ review: 'pending', confidence: round(confidence), why });

  const mentionsByEntity = new Map<string, typeof d.mentions>();
  for (const m of d.mentions) mentionsByEntity.set(m.entityId, [...(mentionsByEntity.get(m.entityId) ?? []), m]);
  const mentions = [...mentionsByEntity].map(([entity, ms]) => {
    const sentences = [...new Set(ms.map((m) => m.sentence))].slice(0, 3);
    const hows = [...new Set(ms.map((m) => m.how))];
    return {
      id: unique(`${id}-mention-${entity}`),
      ...meta(Math.max(...ms.map((m) => m.confidence)), `named as ${[...new Set(ms.map((m) => `"${m.text}"`))].slice(0, 4).join(', ')} (${hows.join(', ')} match), ${ms.length} time(s)`),
      entity,
      text: ms[0]!.text,
      cite: sentences.map(quote),
    };
  });

  const entity = (n: DraftModel['newEntities'][number]) => ({
    id: n.id,
    ...meta(n.confidence, `new name, ${n.why}${n.near.length ? `; near ${n.near.map((x) => x.entityId).join(', ')}` : ''}`),
    name: n.name,
    cite: n.sentences.slice(0, 3).map(quote),
  });
  const people = d.newEntities.filter((n) => n.kind === 'person').map(entity);
  const groups = d.newEntities.filter((n) => n.kind === 'group').map((n) => ({ ...entity(n), groupType: n.subtype }));
  const places = d.newEntities.filter((n) => n.kind === 'place').map((n) => ({ ...entity(n), placeType: n.subtype }));

  const events = d.events.map((e) => ({
    id: e.id,
    ...meta(e.confidence, e.why),
    name: e.name,
    eventType: e.eventType,
    subEventType: e.subEventType,
    start: e.start,
    datePrecision: e.datePrecision,
    ...(e.place ? { place: e.place, placePrecision: e.placePrecision } : {}),
    ...(e.partOf ? { partOf: e.partOf } : {}),
    certainty: e.certainty,
    ...(e.claimedBy ? { claimedBy: e.claimedBy } : {}),
    cite: e.sentences.slice(0, 4).map(quote),
  }));

  const claims = d.figures.map((f) => ({
    id: unique(`${id}-${f.claimedBy ?? 'doc'}-${f.victims.replace(/_/g, '-')}-${f.measure}-${f.value ?? `${f.low}-${f.high}`}`),
    ...meta(f.confidence, f.why),
    measure: f.measure,
    victims: f.victims,
    ...(f.value !== undefined ? { value: f.value } : { low: f.low, high: f.high }),
    qualifier: f.qualifier,
    ...(f.about ? { about: f.about } : {}),
    ...(f.claimedBy ? { claimedBy: f.claimedBy } : {}),
    source: id,
    certainty: f.certainty === 'stated' ? 'claimed' : f.certainty,
    cite: [f.sentence, ...(f.alsoIn ?? [])].sort((a, b) => a - b).map(quote),
  }));

  const relations = d.relations.map((r) => ({
    id: unique(`${id}-${r.from}-${r.type.toLowerCase().replace(/_/g, '-')}-${r.to}`),
    ...meta(r.confidence, r.why),
    type: r.type,
    from: r.from,
    to: r.to,
    ...(SUPPORTS_PREDICATE && r.predicate ? { predicate: r.predicate } : {}),
    ...(r.date ? { date: r.date } : {}),
    certainty: r.certainty,
    ...(r.claimedBy ? { claimedBy: r.claimedBy } : {}),
    ...(r.role ? { role: r.role } : {}),
    ...(r.note ? { note: r.note } : {}),
    cite: [quote(r.sentence)],
  }));

  return {
    draft: { source: id, asOf: d.meta.asOf, generatedBy: 'npm run ingest', sentences: d.sentences.length },
    mentions,
    people,
    groups,
    places,
    events,
    claims,
    relations,
    dates: d.dates.map((x) => ({ text: x.text, value: x.value, precision: x.precision, why: x.why, quote: d.sentences[x.sentence]!.text })),
    ambiguous: d.ambiguous.map((a) => ({ text: a.text, candidates: a.candidates, quote: d.sentences[a.sentence]!.text })),
  };
}

export function draftToYaml(d: DraftModel, header: string): string {
  return `${header}\n${stringify(draftToObject(d), { lineWidth: 0 })}`;
}
