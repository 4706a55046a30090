/**
 * Stage 5b: a new name that is almost a known one ("Military Operations" ~ "Military Operations
 * Command", "Suhail al-Hasan" ~ "Suhayl al-Hassan" beyond the folding) becomes a POSSIBLY_SAME_AS
 * proposal with the reason, never a silent merge: identity is the curator's call.
 */
import { boundedLevenshtein } from '../resolution/index.js';
import { nameWords } from '../text/normalizeName.js';
import type { KnownEntity } from './knownEntities.js';
import type { NewEntityCandidate } from './types.js';

export interface NearMatch {
  entityId: string;
  reason: string;
  confidence: number;
}

const GENERIC = new Set(['syrian', 'syria', 'the', 'of', 'for', 'forces', 'security', 'government', 'ministry', 'national', 'army', 'group', 'council', 'front', 'office', 'department', 'new', 'general']);

export function nearMatches(c: NewEntityCandidate, known: readonly KnownEntity[]): NearMatch[] {
  const cw = nameWords(c.name);
  const ck = cw.join(' ');
  if (ck.length < 4) return [];
  const out: NearMatch[] = [];
  for (const e of known) {
    if (e.kind !== c.kind || e.unnamed) continue;
    let best: NearMatch | undefined;
    for (const n of e.names) {
      const nw = nameWords(n);
      const nk = nw.join(' ');
      if (nk === '' || nk === ck) continue;
      const d = boundedLevenshtein(ck, nk, 2);
      if (ck.length >= 6 && d <= (ck.length >= 12 ? 2 : 1)) {
        best = { entityId: e.id, reason: `"${c.name}" differs from the known name "${n}" by ${d} letter(s)`, confidence: 0.6 };
        break;
      }
      const shared = cw.filter((w) => nw.includes(w) && !GENERIC.has(w));
      const subset = (a: string[], b: string[]) => a.every((w) => b.includes(w));
      if (shared.length >= 1 && cw.length >= 2 && nw.length >= 2 && (subset(cw, nw) || subset(nw, cw))) {
        best = { entityId: e.id, reason: `"${c.name}" and the known name "${n}" share the words "${shared.join(' ')}", one name containing the other`, confidence: 0.4 };
      }
    }
    if (best) out.push(best);
  }
  return out.sort((a, b) => b.confidence - a.confidence).slice(0, 3);
}
