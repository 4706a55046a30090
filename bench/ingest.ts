/**
 * `npm run bench:ingest` — held-out evaluation of ingestion. For each curated document in turn:
 * take the dataset without that document's entries (bench/ingestHoldout.ts), ingest the document,
 * and compare the draft with what the curators wrote for it. Writes bench/INGEST.md.
 *
 *   linking      known people, groups and places linked in the draft vs. the named ones the
 *                curated entries of the document cite or refer to (events are described, not named)
 *   new entities curated entities only this document names, found as candidates (same name key)
 *   figures      claims: value (or range) + measure + claimant all equal, one-to-one
 *   relations    type + both ends equal (new ends matched to curated entities by name key)
 *   dates        curated events of the document whose quoted sentence has a date: resolved date
 *                equal to the event's start, compared at the event's own precision
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { nameKey } from '../src/text/normalizeName.js';
import { checkAttribution, readDataset, type Dataset } from '../src/seed/index.js';
import { buildDraftFrom, type DraftModel } from '../src/ingest/index.js';
import { normalizeWhitespace } from '../src/seed/validateDataset.js';
import { heldOutKnown, holdOut } from './ingestHoldout.js';

interface Score { tp: number; fp: number; fn: number }
const p = (s: Score) => (s.tp + s.fp === 0 ? NaN : s.tp / (s.tp + s.fp));
const r = (s: Score) => (s.tp + s.fn === 0 ? NaN : s.tp / (s.tp + s.fn));
const f2 = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(2));
const add = (a: Score, b: Score): Score => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });

export interface DocResult {
  doc: string;
  linking: Score;
  newEntities: { found: number; total: number; namedFound: number; namedTotal: number };
  figures: Score;
  figuresNoClaimant: Score;
  relations: Score;
  dates: { correct: number; dated: number; events: number };
  /** Drafted incidents against the curated events only this document names (matched by a shared sentence). */
  events: Score & { type: number; date: number; place: number };
  /** Matched figures whose curated claim says what it is about: how many drafts say the same event. */
  about: { right: number; of: number };
  /** Figure misses where the curated claim is itself flagged by seed:check's attribution rule. */
  claimantDisputes: string[];
  misses: { events: string[]; linkFp: string[]; linkFn: string[]; figFp: string[]; figFn: string[]; relFn: string[]; relFp: string[]; dateWrong: string[] };
}

type AnyEntity = { id: string; name: string; aliases: string[]; unnamed: boolean; cite: { source: string; quote: string }[] };

export function evaluateDocument(ds: Dataset, docId: string): DocResult {
  const src = ds.sources.find((s) => s.entry.id === docId)!;
  const heldOut = holdOut(ds, docId);
  const known = heldOutKnown(heldOut);
  const taken = new Set([...heldOut.sources.map((s) => s.entry.id), ...known.map((k) => k.id), ...heldOut.claims.map((c) => c.entry.id), ...heldOut.relations.map((x) => x.entry.id)]);
  const draft: DraftModel = buildDraftFrom(src.text, { id: docId, asOf: src.entry.asOf }, known, taken);

  const all: AnyEntity[] = [...ds.people, ...ds.groups, ...ds.places, ...ds.events].map((l) => l.entry as AnyEntity);
  // The document's entities: those citing it, and those its own claims and relations refer to.
  const referenced = new Set<string>();
  for (const c of ds.claims) if (c.entry.source === docId) for (const id of [c.entry.about, c.entry.claimedBy]) if (id) referenced.add(id);
  for (const x of ds.relations) if (x.entry.cite.some((c) => c.source === docId)) for (const id of [x.entry.from, x.entry.to, x.entry.event, x.entry.claimedBy]) if (id) referenced.add(id);
  for (const l of ds.events) if (l.entry.cite.some((c) => c.source === docId)) for (const id of [l.entry.place, l.entry.partOf]) if (id) referenced.add(id);
  for (const l of ds.places) if (l.entry.locatedIn && l.entry.cite.some((c) => c.source === docId)) referenced.add(l.entry.locatedIn);
  const inDoc = all.filter((e) => e.cite.some((c) => c.source === docId) || referenced.has(e.id));
  const knownIds = new Set(known.map((k) => k.id));
  // Linking is about names: events (described, not named) and unnamed entities are not linkable.
  const nameable = new Set([...ds.people, ...ds.groups, ...ds.places].filter((l) => !l.entry.unnamed).map((l) => l.entry.id));
  const goldKnown = new Set(inDoc.filter((e) => knownIds.has(e.id) && nameable.has(e.id)).map((e) => e.id));
  const goldNew = inDoc.filter((e) => !knownIds.has(e.id));

  // Linking.
  const linked = new Set(draft.mentions.map((m) => m.entityId).filter((id) => nameable.has(id)));
  const linking: Score = { tp: [...linked].filter((id) => goldKnown.has(id)).length, fp: [...linked].filter((id) => !goldKnown.has(id)).length, fn: [...goldKnown].filter((id) => !linked.has(id)).length };

  // New entities, and the map from a candidate id to the curated entity it names.
  const keysOf = (e: AnyEntity) => new Set([e.name, ...e.aliases].map(nameKey));
  const candidateToGold = new Map<string, string>();
  for (const n of draft.newEntities) {
    const g = goldNew.find((e) => keysOf(e).has(nameKey(n.name)));
    if (g) candidateToGold.set(n.id, g.id);
  }
  const foundNew = new Set(candidateToGold.values());
  const named = goldNew.filter((e) => !e.unnamed);
  const newEntities = { found: foundNew.size, total: goldNew.length, namedFound: named.filter((e) => foundNew.has(e.id)).length, namedTotal: named.length };

  // Events: a drafted event is a curated one when they quote a sentence in common.
  const text = normalizeWhitespace(src.text);
  const sentenceOf = draft.sentences.map((s) => ({ i: s.index, t: normalizeWhitespace(s.text) }));
  const docEvents = ds.events.filter((e) => e.entry.cite.some((c) => c.source === docId)).map((e) => e.entry);
  const sentencesOfQuotes = (e: (typeof docEvents)[number]) => {
    const quotes = e.cite.filter((c) => c.source === docId).map((c) => normalizeWhitespace(c.quote)).filter((q) => text.includes(q));
    return sentenceOf.filter((s) => quotes.some((q) => s.t.includes(q) || q.includes(s.t))).map((s) => s.i);
  };
  const goldEvents = docEvents.filter((e) => !knownIds.has(e.id)).map((e) => ({ e, sentences: sentencesOfQuotes(e) }));
  const eventToGold = new Map<string, string>();
  const ev = { tp: 0, fp: 0, fn: 0, type: 0, date: 0, place: 0 };
  const left = [...goldEvents];
  const eventMisses: string[] = [];
  for (const d of draft.events) {
    const overlap = (g: (typeof left)[number]) => g.sentences.filter((i) => d.sentences.includes(i)).length;
    const best = left.filter((g) => overlap(g) > 0).sort((a, b) => overlap(b) - overlap(a))[0];
    if (!best) { ev.fp++; eventMisses.push(`FP ${d.id} (${d.eventType}; sentences ${d.sentences.join(',')})`); continue; }
    left.splice(left.indexOf(best), 1);
    eventToGold.set(d.id, best.e.id);
    ev.tp++;
    if (best.e.eventType === d.eventType) ev.type++;
    const start = String(best.e.start);
    if (d.start.slice(0, start.length) === start) ev.date++;
    if ((best.e.place ?? '') === (d.place ? candidateToGold.get(d.place) ?? d.place : '')) ev.place++;
    else eventMisses.push(`place ${d.id}: ${d.place ?? 'none'} vs ${best.e.place ?? 'none'}`);
    if (best.e.eventType !== d.eventType) eventMisses.push(`type ${d.id}: ${d.eventType} vs ${best.e.eventType}`);
  }
  ev.fn = left.length;
  for (const g of left) eventMisses.push(`FN ${g.e.id} (${g.e.eventType}; sentences ${g.sentences.join(',') || 'none'})`);
  const end = (id: string) => candidateToGold.get(id) ?? eventToGold.get(id) ?? id;

  // Figures.
  const goldClaims = ds.claims.filter((c) => c.entry.source === docId).map((c) => c.entry);
  const figKey = (v: string, m: string, c: string | undefined) => `${v}|${m}|${c ?? '-'}`;
  const goldFig = goldClaims.map((c) => figKey(c.value !== undefined ? String(c.value) : `${c.low}-${c.high}`, c.measure, c.claimedBy));
  const predFig = draft.figures.map((f) => figKey(f.value !== undefined ? String(f.value) : `${f.low}-${f.high}`, f.measure, f.claimedBy ? end(f.claimedBy) : undefined));
  const figures = matchOneToOne(predFig, goldFig);
  // Diagnostic: the same without the claimant, to tell reading errors from attribution disagreements.
  const strip = (k: string) => k.split('|').slice(0, 2).join('|');
  const figuresNoClaimant = matchOneToOne(predFig.map(strip), goldFig.map(strip)).score;

  // Claimant disagreements that seed:check's attribution rule decides against the curated claim.
  const flagged = new Set(checkAttribution(ds).filter((i) => i.field === 'claimedBy').map((i) => i.entry));
  const claimantDisputes = goldClaims
    .filter((c) => flagged.has(c.id))
    .map((c) => `${c.id} (${c.value ?? `${c.low}-${c.high}`} ${c.measure}, curated claimedBy ${c.claimedBy ?? 'none'})`)
    .filter((_, i, all) => all.length > 0);

  // Relations.
  const goldRel = ds.relations.filter((x) => x.entry.cite.some((c) => c.source === docId)).map((x) => `${x.entry.type} ${x.entry.from} ${x.entry.to}`);
  const predRel = draft.relations.map((x) => `${x.type} ${end(x.from)} ${end(x.to)}`);
  const relations = matchOneToOne(predRel, goldRel);

  // Figures' events: for each curated claim with an `about`, the draft figure read the same way.
  const about = { right: 0, of: 0 };
  const pool = draft.figures.map((f) => ({ f, k: figKey(f.value !== undefined ? String(f.value) : `${f.low}-${f.high}`, f.measure, f.claimedBy ? end(f.claimedBy) : undefined) }));
  for (const c of goldClaims) {
    const k = figKey(c.value !== undefined ? String(c.value) : `${c.low}-${c.high}`, c.measure, c.claimedBy);
    const i = pool.findIndex((x) => x.k === k);
    if (i < 0) continue;
    const [{ f }] = pool.splice(i, 1) as [(typeof pool)[number]];
    if (!c.about) continue;
    about.of++;
    if (f.about && end(f.about) === c.about) about.right++;
  }

  // Dates.
  const events = ds.events.filter((e) => e.entry.cite.some((c) => c.source === docId)).map((e) => e.entry);
  let correct = 0, dated = 0;
  const dateWrong: string[] = [];
  for (const e of events) {
    const quotes = e.cite.filter((c) => c.source === docId).map((c) => normalizeWhitespace(c.quote)).filter((q) => text.includes(q));
    const sentences = sentenceOf.filter((s) => quotes.some((q) => s.t.includes(q) || q.includes(s.t))).map((s) => s.i);
    const ds_ = draft.dates.filter((d) => sentences.includes(d.sentence));
    if (ds_.length === 0) continue;
    dated++;
    const start = String(e.start);
    if (ds_.some((d) => d.value.slice(0, start.length) === start)) correct++;
    else dateWrong.push(`${e.id}: ${start} vs ${ds_.map((d) => `${d.value} ("${d.text}")`).join(', ')}`);
  }

  return {
    doc: docId, claimantDisputes, linking, newEntities, figures: figures.score, figuresNoClaimant, relations: relations.score,
    dates: { correct, dated, events: events.length }, events: ev, about,
    misses: {
      events: eventMisses,
      linkFp: [...linked].filter((id) => !goldKnown.has(id)),
      linkFn: [...goldKnown].filter((id) => !linked.has(id)),
      figFp: figures.fp, figFn: figures.fn, relFp: relations.fp, relFn: relations.fn, dateWrong,
    },
  };
}

function matchOneToOne(pred: string[], gold: string[]): { score: Score; fp: string[]; fn: string[] } {
  const left = [...gold];
  const fp: string[] = [];
  let tp = 0;
  for (const x of pred) {
    const i = left.indexOf(x);
    if (i >= 0) { left.splice(i, 1); tp++; } else fp.push(x);
  }
  return { score: { tp, fp: fp.length, fn: left.length }, fp, fn: left };
}

function table(results: DocResult[]): string {
  const rows = results.map((x) => `| ${x.doc} | ${f2(p(x.linking))} | ${f2(r(x.linking))} | ${x.newEntities.found}/${x.newEntities.total} (named ${x.newEntities.namedFound}/${x.newEntities.namedTotal}) | ${f2(p(x.figures))} | ${f2(r(x.figures))} | ${f2(p(x.figuresNoClaimant))} / ${f2(r(x.figuresNoClaimant))} | ${f2(p(x.relations))} | ${f2(r(x.relations))} | ${x.dates.correct}/${x.dates.dated} of ${x.dates.events} | ${f2(p(x.events))} / ${f2(r(x.events))} (${x.events.tp} of ${x.events.tp + x.events.fn}) | ${x.events.type} / ${x.events.date} / ${x.events.place} | ${x.about.right}/${x.about.of} |`);
  const sum = results.reduce((a, x) => ({
    linking: add(a.linking, x.linking), figures: add(a.figures, x.figures), fnc: add(a.fnc, x.figuresNoClaimant), relations: add(a.relations, x.relations),
    nf: a.nf + x.newEntities.found, nt: a.nt + x.newEntities.total, nnf: a.nnf + x.newEntities.namedFound, nnt: a.nnt + x.newEntities.namedTotal,
    dc: a.dc + x.dates.correct, dd: a.dd + x.dates.dated, de: a.de + x.dates.events,
    ev: { tp: a.ev.tp + x.events.tp, fp: a.ev.fp + x.events.fp, fn: a.ev.fn + x.events.fn, type: a.ev.type + x.events.type, date: a.ev.date + x.events.date, place: a.ev.place + x.events.place },
    ar: a.ar + x.about.right, ao: a.ao + x.about.of,
  }), { ev: { tp: 0, fp: 0, fn: 0, type: 0, date: 0, place: 0 }, ar: 0, ao: 0, linking: { tp: 0, fp: 0, fn: 0 }, figures: { tp: 0, fp: 0, fn: 0 }, fnc: { tp: 0, fp: 0, fn: 0 }, relations: { tp: 0, fp: 0, fn: 0 }, nf: 0, nt: 0, nnf: 0, nnt: 0, dc: 0, dd: 0, de: 0 });
  rows.push(`| **all (micro)** | **${f2(p(sum.linking))}** | **${f2(r(sum.linking))}** | **${sum.nf}/${sum.nt} (named ${sum.nnf}/${sum.nnt})** | **${f2(p(sum.figures))}** | **${f2(r(sum.figures))}** | **${f2(p(sum.fnc))} / ${f2(r(sum.fnc))}** | **${f2(p(sum.relations))}** | **${f2(r(sum.relations))}** | **${sum.dc}/${sum.dd} of ${sum.de}** | **${f2(p(sum.ev))} / ${f2(r(sum.ev))} (${sum.ev.tp} of ${sum.ev.tp + sum.ev.fn})** | **${sum.ev.type} / ${sum.ev.date} / ${sum.ev.place}** | **${sum.ar}/${sum.ao}** |`);
  const disputes = results.flatMap((x) => x.claimantDisputes);
  return [
    '| held-out doc | linking P | linking R | new entities found | figures P | figures R | figures P / R without claimant | relations P | relations R | dates right / dated of events | events P / R (found of curated) | matched events: type / date / place right | figures\' event right |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Curated claims of these documents that \`seed:check\`'s attribution rule flags for their claimant (the draft follows the rule, so these count against it): ${disputes.length}${disputes.length ? ` — ${disputes.join('; ')}` : ''}.`,
  ].join('\n');
}

async function main() {
  const ds = await readDataset();
  const docs = ds.sources.map((s) => s.entry.id).filter((id) => /^doc-00[0-4]$/.test(id));
  const results = docs.map((d) => evaluateDocument(ds, d));
  const t = table(results);
  console.log(t);
  if (process.argv.includes('--misses')) for (const x of results) console.log(x.doc, JSON.stringify(x.misses, null, 1));
  if (!process.argv.includes('--no-write')) {
    const file = path.resolve(import.meta.dirname, 'INGEST.md');
    const { readFile } = await import('node:fs/promises');
    let doc = '';
    try { doc = await readFile(file, 'utf8'); } catch { /* first run */ }
    const marker = /<!-- table:start -->[\s\S]*<!-- table:end -->/;
    const block = `<!-- table:start -->\n${t}\n\nRun ${new Date().toISOString().slice(0, 16)}Z on the curated dataset of that commit (\`npm run bench:ingest\`).\n<!-- table:end -->`;
    await writeFile(file, marker.test(doc) ? doc.replace(marker, block) : `# Ingestion, held out\n\n${block}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
