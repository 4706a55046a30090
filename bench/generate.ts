/**
 * Deterministic synthetic conflict graphs of the seed's model, for benchmarks: a
 * country → governorate → district → village hierarchy, people and groups (membership,
 * leadership, alignment, hometowns), events with participants and roles, direct actor–actor
 * links (AMBUSHED, KILLED…), claims about events with their sources, and a citation on
 * everything. Endpoints are drawn from Zipf distributions, so a few groups, places and people are
 * hubs and most are leaves; about 5 relationships per entity.
 *
 * Everything is a pure function of (seed, entity index): each entity has its own PRNG, so the
 * graph is produced in chunks (all nodes first, then the relationships owned by each entity) and
 * never held in memory whole, and the same seed gives the same graph at any chunk size.
 * It loads through the bulk importer (`writeSyntheticCsv` → src/import, neo4j-admin) or, with
 * `--loader cypher`, through `loadRowsBatched` (batched, parameterised MERGE).
 *
 *   tsx bench/generate.ts --entities 10000 [--seed 1]   # into the bench Neo4j (bench/benchNeo4j.ts)
 */
import { SingleBar, Presets } from 'cli-progress';
import type { Driver } from 'neo4j-driver';
import type { ImportCsvWriter } from '../src/import/ImportCsvWriter.js';
import { loadRowsBatched } from '../src/seed/loadDataset.js';
import type { EntityRow, GraphRows, NodeRow, Props, RelationRow } from '../src/seed/toGraphRows.js';
import { dateBounds, entityNameProps } from '../src/seed/toGraphRows.js';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
import {
  ACLED_EVENT_TYPES, CERTAINTIES, CLAIM_MEASURES, CLAIM_VICTIMS, PARTICIPANT_ROLES,
  type AcledEventType, type EntityLabel, type RelationType,
} from '../src/seed/vocabulary.js';
import { nameKey } from '../src/text/normalizeName.js';

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for synthetic data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit mix of two integers (splitmix-style), so each entity gets an independent stream. */
function mix(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)] as T;
const chance = (rng: Rng, p: number) => rng() < p;

/** Zipf(s) over ranks 0..n-1 (rank 0 most likely), by inverse CDF with binary search. */
export class Zipf {
  private readonly cdf: Float64Array;
  constructor(readonly n: number, s: number) {
    this.cdf = new Float64Array(Math.max(n, 1));
    let sum = 0;
    for (let k = 0; k < n; k++) {
      sum += 1 / (k + 1) ** s;
      this.cdf[k] = sum;
    }
    for (let k = 0; k < n; k++) this.cdf[k]! /= sum;
  }
  sample(rng: Rng): number {
    const u = rng();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// ---------------------------------------------------------------------------------------------
// Names: unique by construction (mixed radix over word lists), distinct after name-key folding.

/** Drops words whose name key repeats an earlier one (Mohammad/Muhammad fold to one key). */
function distinctByKey(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words.filter((w) => {
    const k = nameKey(w);
    if (k === '' || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const FIRST = distinctByKey([
  'Muhammad', 'Ahmad', 'Ali', 'Hasan', 'Husayn', 'Mahmoud', 'Mustafa', 'Omar', 'Khaled', 'Yousef', 'Ibrahim', 'Ismail',
  'Abdullah', 'Abdulrahman', 'Bashar', 'Maher', 'Rami', 'Samer', 'Fadi', 'Ghassan', 'Hani', 'Jamil', 'Kamal', 'Louay',
  'Majd', 'Nizar', 'Osama', 'Qasim', 'Riad', 'Saleh', 'Tarek', 'Wael', 'Yasser', 'Zaid', 'Adnan', 'Bilal', 'Dirar',
  'Fawaz', 'Ghiath', 'Haitham', 'Iyad', 'Jaafar', 'Karim', 'Luqman', 'Mazen', 'Nabil', 'Rafiq', 'Safwan', 'Talal',
  'Wissam', 'Yahya', 'Ziad', 'Amjad', 'Bassel', 'Firas', 'Hazem', 'Imad', 'Jihad', 'Kinan', 'Muhannad', 'Nour',
  'Rania', 'Salma', 'Huda', 'Layla', 'Mariam', 'Rasha', 'Samar', 'Widad', 'Zeina', 'Aya', 'Dima', 'Fatima', 'Ghada',
  'Hiba', 'Iman', 'Jumana', 'Lubna', 'Mona', 'Nada',
]);
const FATHER = distinctByKey([
  'Suleiman', 'Hamid', 'Nasser', 'Younes', 'Darwish', 'Haddad', 'Jaber', 'Khalil', 'Mansour', 'Nassif', 'Qadduor',
  'Rahal', 'Shaaban', 'Tawil', 'Wannous', 'Zeitoun', 'Asaad', 'Barakat', 'Dib', 'Fakhoury', 'Ghanem', 'Hilal',
  'Issa', 'Jomaa', 'Kanaan', 'Makhlouf', 'Nahhas', 'Obeid', 'Rizk', 'Saad', 'Taha', 'Wehbe', 'Yazigi', 'Zahr',
  'Abbas', 'Badr', 'Diab', 'Fares', 'Ghazal', 'Harb', 'Jarrah', 'Karam', 'Lahham', 'Matar', 'Nader', 'Qabbani',
  'Rustom', 'Sabbagh', 'Tarabishi', 'Wardeh', 'Yaziji', 'Zoubi', 'Atassi', 'Bitar', 'Dahhan', 'Farhat', 'Ghosn',
  'Hammoud', 'Jundi', 'Kurdi',
]);
const SYLL_C = ['b', 'd', 'f', 'h', 'j', 'k', 'kh', 'l', 'm', 'n', 'q', 'r', 's', 'sh', 't', 'z'];
const SYLL_V = ['a', 'i', 'u', 'ay', 'aw'];
/** Family and place roots: consonant-vowel-consonant-vowel-consonant, capitalised. */
const ROOTS: string[] = (() => {
  const out: string[] = [];
  const rng = mulberry32(20241208);
  const seen = new Set<string>();
  while (out.length < 2400) {
    const w = pick(rng, SYLL_C) + pick(rng, SYLL_V) + pick(rng, SYLL_C) + pick(rng, ['a', 'i', 'u']) + pick(rng, SYLL_C);
    const cap = w[0]!.toUpperCase() + w.slice(1);
    const k = nameKey(cap);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(cap);
    }
  }
  return out;
})();
const PLACE_PREFIX = ['Ain', 'Beit', 'Tell', 'Deir', 'Kafr', 'Khirbet', 'Jabal', 'Wadi', 'Qasr', 'Ras', 'Bir', 'Maarat', 'Mazraat', 'Arab', 'Hawsh', 'Zahret'];
const PLACE_SUFFIX = ['', ' al-Fawqa', ' al-Tahta', ' al-Sharqiyah', ' al-Gharbiyah', ' al-Kabira', ' al-Saghira', ' al-Jadida', ' al-Qadima'];
const GROUP_ADJ = ['Coastal', 'Mountain', 'Free', 'Loyal', 'Steadfast', 'Northern', 'Southern', 'Eastern', 'Western', 'Victorious', 'Resolute', 'Popular', 'Sacred', 'Iron', 'Desert', 'Valley', 'Green', 'Black', 'Red', 'White', 'Golden', 'United', 'Martyrs\'', 'Homeland', 'Liberation', 'Revolutionary', 'Vanguard', 'Lions\'', 'Eagles\'', 'Falcons\''];
const GROUP_NOUN = ['Shield', 'Sword', 'Banner', 'Dawn', 'Storm', 'Thunder', 'Flame', 'Guard', 'Fist', 'Arrow', 'Spear', 'Fortress', 'Horizon', 'Lightning', 'Oath', 'Promise', 'Resistance', 'Defence', 'Hawks', 'Wolves', 'Knights', 'Sons', 'Youth', 'Front', 'Movement', 'Council', 'Rally', 'Path', 'Light', 'Wall'];
const GROUP_UNIT = ['Brigade', 'Battalion', 'Regiment', 'Division', 'Front', 'Units', 'Forces', 'Committee', 'Network', 'Militia', 'Legion', 'Corps'];
const ORDINAL = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** Scrambles 0..n-1 by an affine map with a multiplier coprime to n, so neighbours differ. */
function scramble(i: number, n: number): number {
  let m = 2_654_435_761 % n || 1;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(m, n) !== 1) m++;
  return Number((BigInt(i) * BigInt(m) + 7n) % BigInt(n));
}

/**
 * Fourteen governorates with numbers for names: a synthetic place must never share words with a
 * real one, or the name-lookup benchmark at 1M meets "Raqqa" as part of "Raqqa Synthetic
 * Governorate" and a name that is NOT_FOUND in the documents resolves to a made-up place.
 */
const GOVERNORATES = Array.from({ length: 14 }, (_, i) => `Synthetic Governorate ${i + 1}`);
/** Relative weight of each governorate in where districts (and so events) fall: the coast first. */
const GOVERNORATE_WEIGHT = [10, 9, 6, 6, 3, 2, 2, 2, 1, 1, 0.5, 1, 0.5, 0.5];

// ---------------------------------------------------------------------------------------------
// The shape of a graph of N entities

export interface GeneratorOptions {
  /** Number of entities (people, groups, places, events); claims and sources come on top. */
  entities: number;
  /** Seed of the PRNG; the same seed and size give the same graph. */
  seed?: number;
  /** Entities per generated chunk (default 5 000). */
  chunkSize?: number;
}

/** Index ranges of each kind inside 0..entities-1, and the fixed sources. */
export interface SyntheticPlan {
  entities: number;
  seed: number;
  sources: number;
  places: { start: number; governorates: number; districts: number; villages: number; count: number };
  groups: { start: number; count: number };
  people: { start: number; count: number };
  events: { start: number; count: number; umbrellas: number };
}

export function planGraph(opts: GeneratorOptions): SyntheticPlan {
  const n = Math.max(opts.entities, 1_000);
  const placeCount = Math.round(n * 0.08);
  const governorates = GOVERNORATES.length;
  const districts = Math.max(governorates * 2, Math.round(placeCount * 0.04));
  const villages = placeCount - 1 - governorates - districts;
  const groups = Math.round(n * 0.04);
  const people = Math.round(n * 0.48);
  const events = n - placeCount - groups - people;
  return {
    entities: n,
    seed: opts.seed ?? 1,
    sources: 40,
    places: { start: 0, governorates, districts, villages, count: placeCount },
    groups: { start: placeCount, count: groups },
    people: { start: placeCount + groups, count: people },
    events: { start: placeCount + groups + people, count: events, umbrellas: 12 },
  };
}

/** Ids are a function of the index: `syn-<kind>-<index>`, never colliding with seed ids. */
export const ids = {
  source: (k: number) => `syn-source-${k}`,
  place: (k: number) => `syn-place-${k}`,
  group: (k: number) => `syn-group-${k}`,
  person: (k: number) => `syn-person-${k}`,
  event: (k: number) => `syn-event-${k}`,
  claim: (k: number) => `syn-claim-${k}`,
};

const START_DAY = Date.UTC(2024, 11, 1);
const DAYS = 578; // 2024-12-01 … 2026-06-30
const MARCH_2025 = Date.UTC(2025, 2, 6);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The generator: names, Zipf samplers and per-entity attributes for one plan. */
export class SyntheticGraph {
  readonly plan: SyntheticPlan;
  private readonly zGroup: Zipf;
  private readonly zPerson: Zipf;
  private readonly zVillage: Zipf;
  private readonly zDistrict: Zipf;
  private readonly zSource: Zipf;
  private readonly govCdf: number[];

  constructor(opts: GeneratorOptions) {
    this.plan = planGraph(opts);
    const p = this.plan;
    this.zGroup = new Zipf(p.groups.count, 1.1);
    this.zPerson = new Zipf(p.people.count, 0.7);
    this.zVillage = new Zipf(p.places.villages, 0.9);
    this.zDistrict = new Zipf(p.places.districts, 0.8);
    this.zSource = new Zipf(p.sources, 1.0);
    const total = GOVERNORATE_WEIGHT.reduce((a, b) => a + b, 0);
    let acc = 0;
    this.govCdf = GOVERNORATE_WEIGHT.map((w) => (acc += w / total));
  }

  /** The PRNG stream of entity `i` (global index), `salt` separating independent draws. */
  rng(i: number, salt = 0): Rng {
    return mulberry32(mix(mix(this.plan.seed, i), salt));
  }

  // --- places: [country, governorates…, districts…, villages…]
  placeKind(k: number): 'country' | 'governorate' | 'district' | 'village' {
    const pl = this.plan.places;
    if (k === 0) return 'country';
    if (k <= pl.governorates) return 'governorate';
    if (k <= pl.governorates + pl.districts) return 'district';
    return 'village';
  }
  governorate(g: number): number {
    return 1 + g;
  }
  district(d: number): number {
    return 1 + this.plan.places.governorates + d;
  }
  village(v: number): number {
    return 1 + this.plan.places.governorates + this.plan.places.districts + v;
  }
  /** Governorate (0-based) of district d: weighted towards the coast, fixed per district. */
  governorateOfDistrict(d: number): number {
    const u = this.rng(this.district(d), 11)();
    const g = this.govCdf.findIndex((c) => u <= c);
    return g < 0 ? this.govCdf.length - 1 : g;
  }
  /** District of village v: contiguous blocks, so neighbouring villages share a district. */
  districtOfVillage(v: number): number {
    const pl = this.plan.places;
    return Math.min(pl.districts - 1, Math.floor((v * pl.districts) / pl.villages));
  }
  placeName(k: number): string {
    const kind = this.placeKind(k);
    const pl = this.plan.places;
    if (kind === 'country') return 'Synthetic Syria';
    if (kind === 'governorate') return GOVERNORATES[k - 1]!;
    if (kind === 'district') {
      const d = k - 1 - pl.governorates;
      const r = scramble(d, ROOTS.length * 4);
      return `${ROOTS[r % ROOTS.length]}${['', ' al-Sharqi', ' al-Gharbi', ' al-Jabali'][Math.floor(r / ROOTS.length)]} District`;
    }
    const v = k - 1 - pl.governorates - pl.districts;
    const cap = PLACE_PREFIX.length * ROOTS.length * PLACE_SUFFIX.length;
    const r = scramble(v % cap, cap);
    const base = `${PLACE_PREFIX[r % PLACE_PREFIX.length]} ${ROOTS[Math.floor(r / PLACE_PREFIX.length) % ROOTS.length]}${PLACE_SUFFIX[Math.floor(r / (PLACE_PREFIX.length * ROOTS.length))]}`;
    return v >= cap ? `${base} ${Math.floor(v / cap) + 1}` : base;
  }

  personName(k: number): string {
    const cap = FIRST.length * FATHER.length * ROOTS.length;
    const r = scramble(k % cap, cap);
    const base = `${FIRST[r % FIRST.length]} ${FATHER[Math.floor(r / FIRST.length) % FATHER.length]} ${ROOTS[Math.floor(r / (FIRST.length * FATHER.length))]}`;
    return k >= cap ? `${base} ${ORDINAL(Math.floor(k / cap) + 1)}` : base;
  }

  groupName(k: number): string {
    const cap = GROUP_ADJ.length * GROUP_NOUN.length * GROUP_UNIT.length;
    const r = scramble(k % cap, cap);
    const base = `${GROUP_ADJ[r % GROUP_ADJ.length]} ${GROUP_NOUN[Math.floor(r / GROUP_ADJ.length) % GROUP_NOUN.length]} ${GROUP_UNIT[Math.floor(r / (GROUP_ADJ.length * GROUP_NOUN.length))]}`;
    return k >= cap ? `${ORDINAL(Math.floor(k / cap) + 1)} ${base}` : base;
  }

  /** Hub groups (low ranks) are governments and security forces; a few are monitors. */
  groupType(k: number): string {
    if (k < 4) return ['government', 'security_unit', 'military', 'armed_group'][k]!;
    if (k < 8) return 'monitor';
    return pick(this.rng(this.plan.groups.start + k, 3), ['armed_group', 'armed_group', 'armed_group', 'security_unit', 'military', 'community', 'political', 'media', 'ngo']);
  }
  monitor(rng: Rng): number {
    return 4 + int(rng, 4);
  }

  /** Event k's fixed attributes, recomputed identically in the node and relationship passes. */
  eventInfo(k: number) {
    const rng = this.rng(this.plan.events.start + k, 5);
    const umbrella = k < this.plan.events.umbrellas;
    let day: number;
    if (umbrella) day = START_DAY + int(rng, 120) * 86_400_000;
    else if (chance(rng, 0.2)) day = MARCH_2025 + int(rng, 7) * 86_400_000;
    else day = START_DAY + int(rng, DAYS) * 86_400_000;
    const types = Object.keys(ACLED_EVENT_TYPES).filter((t) => t !== 'Conflict') as AcledEventType[];
    const eventType: AcledEventType = umbrella ? 'Conflict' : pick(rng, ['Battles', 'Battles', 'Violence against civilians', 'Violence against civilians', 'Explosions/Remote violence', ...types]);
    const subEventType = pick(rng, ACLED_EVENT_TYPES[eventType]);
    const precision = umbrella ? 'month' : chance(rng, 0.85) ? 'day' : chance(rng, 0.6) ? 'month' : 'week';
    const iso = isoDay(day);
    const start = precision === 'month' ? iso.slice(0, 7) : iso;
    const end = umbrella ? isoDay(day + (60 + int(rng, 300)) * 86_400_000).slice(0, 7) : precision === 'week' ? isoDay(day + 6 * 86_400_000) : start;
    // Where: a Zipf-chosen village (hubs: a few villages see many events), sometimes a district.
    const atVillage = !umbrella && chance(rng, 0.93);
    const place = umbrella
      ? this.governorate(int(rng, 4))
      : atVillage ? this.village(this.zVillage.sample(rng)) : this.district(this.zDistrict.sample(rng));
    return { rng, umbrella, eventType, subEventType, precision, start, end, place, placePrecision: atVillage ? 'exact' : 'region' };
  }

  eventName(k: number, info = this.eventInfo(k)): string {
    if (info.umbrella) return `${this.placeName(info.place)} insurgency campaign ${k + 1}`;
    const what = { Battles: 'Clashes', 'Violence against civilians': 'Killings', 'Explosions/Remote violence': 'Shelling', Protests: 'Protest', Riots: 'Riot', 'Strategic developments': 'Raid', Conflict: 'Campaign' }[info.eventType];
    return `${what} in ${this.placeName(info.place).replace(' District', '')}, ${info.start} (#${k + 1})`;
  }

  private cite(rng: Rng, subject: string, verb: string): Props {
    const n = chance(rng, 0.3) ? 2 : 1;
    const sources: string[] = [];
    const quotes: string[] = [];
    for (let j = 0; j < n; j++) {
      sources.push(ids.source(this.zSource.sample(rng)));
      quotes.push(`${subject} ${verb}, according to local sources cited by the report.`);
    }
    return { citationSources: sources, citationQuotes: quotes };
  }
  private certainty(rng: Rng): string {
    return chance(rng, 0.7) ? 'stated' : pick(rng, CERTAINTIES);
  }

  // ---------------------------------------------------------------------------------------------
  // Nodes

  sourceRows(): NodeRow[] {
    return Array.from({ length: this.plan.sources }, (_, k) => ({
      id: ids.source(k),
      props: {
        id: ids.source(k), title: `Synthetic report ${k + 1}`, kind: k % 3 === 0 ? 'encyclopedia_revision' : 'news_report',
        publisher: `Synthetic Monitor ${(k % 7) + 1}`, author: null, basedOn: null, asOf: isoDay(START_DAY + k * 9 * 86_400_000),
        file: `synthetic/${ids.source(k)}.txt`, note: null, text: `Synthetic source text ${k + 1}.`,
      },
    }));
  }

  entityRow(i: number): EntityRow {
    const p = this.plan;
    const rng = this.rng(i, 1);
    let label: EntityLabel;
    let name: string;
    let aliases: string[] = [];
    let extra: Props;
    let dates: { start: string; end: string } | undefined;
    let description: string | null = null;
    if (i < p.groups.start) {
      label = 'Place';
      name = this.placeName(i);
      const kind = this.placeKind(i);
      if (kind === 'governorate') aliases = [name.replace('Governorate', 'Province')];
      extra = { placeType: kind };
    } else if (i < p.people.start) {
      const k = i - p.groups.start;
      label = 'Group';
      name = this.groupName(k);
      if (chance(rng, 0.3)) aliases = [name.split(' ').map((w) => w[0]).join('').toUpperCase() + (k % 97)];
      extra = { groupType: this.groupType(k) };
      description = `A synthetic ${extra.groupType as string} of rank ${k + 1}.`;
    } else if (i < p.events.start) {
      const k = i - p.people.start;
      label = 'Person';
      name = this.personName(k);
      if (chance(rng, 0.15)) aliases = [`Abu ${pick(rng, FIRST)} ${name.split(' ').at(-1)}`];
      extra = { roles: k < 200 || chance(rng, 0.05) ? [pick(rng, ['commander', 'officer', 'spokesman', 'sheikh', 'governor'])] : [] };
    } else {
      const k = i - p.events.start;
      const info = this.eventInfo(k);
      label = 'Event';
      name = this.eventName(k, info);
      extra = {
        eventType: info.eventType, subEventType: info.subEventType, start: info.start, end: info.end,
        datePrecision: info.precision, placePrecision: info.placePrecision,
      };
      dates = { start: info.start, end: info.end };
    }
    const id = i < p.groups.start ? ids.place(i) : i < p.people.start ? ids.group(i - p.groups.start) : i < p.events.start ? ids.person(i - p.people.start) : ids.event(i - p.events.start);
    return {
      id,
      label,
      startDate: dates ? dateBounds(dates.start).first : null,
      endDate: dates ? dateBounds(dates.end).last : null,
      props: {
        id, kind: label, name, aliases, aliasText: aliases.join(' | '),
        ...entityNameProps({ name, aliases, description, unnamed: false, roles: strings(extra.roles) }, []),
        description, unnamed: false, certainty: this.certainty(rng), claimedBy: null,
        ...this.cite(rng, name, 'is named'), ...extra,
      },
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Relationships owned by entity i (and, for events, their claims)

  ownedRows(i: number, out: GraphRows): void {
    const p = this.plan;
    const rng = this.rng(i, 2);
    const rel = (type: RelationType, from: string, to: string, suffix: string, extra: Props = {}) => {
      const id = `${from}--${suffix}`;
      out.entityRelations.push({
        id, type, from, to,
        props: {
          id, date: null, certainty: this.certainty(rng), claimedBy: null, role: null, note: null, event: null,
          ...this.cite(rng, from, type.toLowerCase().replaceAll('_', ' ')), ...extra,
        },
      });
    };
    const group = () => ids.group(this.zGroup.sample(rng));
    const person = () => ids.person(this.zPerson.sample(rng));
    const village = () => ids.place(this.village(this.zVillage.sample(rng)));

    if (i < p.groups.start) {
      const kind = this.placeKind(i);
      const pl = p.places;
      if (kind === 'governorate') rel('LOCATED_IN', ids.place(i), ids.place(0), 'located-in');
      else if (kind === 'district') rel('LOCATED_IN', ids.place(i), ids.place(this.governorate(this.governorateOfDistrict(i - 1 - pl.governorates))), 'located-in');
      else if (kind === 'village') {
        const v = i - 1 - pl.governorates - pl.districts;
        rel('LOCATED_IN', ids.place(i), ids.place(this.district(this.districtOfVillage(v))), 'located-in');
        if (chance(rng, 0.3) && v > 0) rel('NEAR', ids.place(i), ids.place(this.village(Math.max(0, v - 1 - int(rng, 5)))), 'near');
      }
      return;
    }
    if (i < p.people.start) {
      const k = i - p.groups.start;
      const me = ids.group(k);
      rel('LED_BY', me, person(), 'led-by');
      if (k > 0 && chance(rng, 0.7)) rel('PART_OF', me, ids.group(this.zGroup.sample(rng) % k), 'part-of');
      if (chance(rng, 0.8)) rel('AFFILIATED_WITH', me, group(), 'affiliated-with');
      if (chance(rng, 0.5)) rel('LOYAL_TO', me, group(), 'loyal-to');
      if (chance(rng, 0.4)) rel('OPPOSED', me, group(), 'opposed');
      if (chance(rng, 0.2)) rel('SUPPORTED_BY', me, group(), 'supported-by');
      rel('BASED_IN', me, chance(rng, 0.6) ? village() : ids.place(this.district(this.zDistrict.sample(rng))), 'based-in');
      if (chance(rng, 0.8)) rel('ACTIVE_IN', me, ids.place(this.governorate(this.governorateOfDistrict(this.zDistrict.sample(rng)))), 'active-in');
      if (chance(rng, 0.3)) rel('ACTIVE_IN', me, ids.place(this.district(this.zDistrict.sample(rng))), 'active-in-2');
      return;
    }
    if (i < p.events.start) {
      const k = i - p.people.start;
      const me = ids.person(k);
      rel('MEMBER_OF', me, group(), 'member-of', chance(rng, 0.1) ? { role: 'commander' } : {});
      if (chance(rng, 0.3)) rel('LOYAL_TO', me, chance(rng, 0.5) ? group() : person(), 'loyal-to');
      if (chance(rng, 0.2) && k > 0) rel('RELATIVE_OF', me, ids.person(Math.max(0, k - 1 - int(rng, 50))), 'relative-of', { note: pick(rng, ['brother', 'son', 'cousin', 'father', 'uncle']) });
      if (chance(rng, 0.5)) {
        const v = village();
        out.entityRelations.push({
          id: `${me}--hometown`, type: 'HOMETOWN_OF', from: v, to: me,
          props: { id: `${me}--hometown`, date: null, certainty: 'stated', claimedBy: null, role: null, note: null, event: null, ...this.cite(rng, me, 'comes from') },
        });
      }
      if (chance(rng, 0.45)) rel('ACTIVE_IN', me, village(), 'active-in');
      if (chance(rng, 0.2)) rel(pick(rng, ['CAPTURED_IN', 'FLED_TO', 'FLED_FROM'] as const), me, village(), 'moved');
      if (chance(rng, 0.02) && k > 0) rel('POSSIBLY_SAME_AS', me, ids.person(int(rng, k)), 'possibly-same-as', { note: 'similar names in different reports' });
      return;
    }

    // Events
    const k = i - p.events.start;
    const me = ids.event(k);
    const info = this.eventInfo(k);
    rel('OCCURRED_IN', me, ids.place(info.place), 'occurred-in', { placePrecision: info.placePrecision, date: info.start });
    if (info.umbrella) return;
    if (chance(rng, 0.5)) rel('PART_OF', me, ids.event(int(rng, p.events.umbrellas)), 'part-of');
    const participants: { id: string; role: string }[] = [];
    const nGroups = 1 + int(rng, 3);
    for (let j = 0; j < nGroups; j++) participants.push({ id: group(), role: j === 0 ? 'perpetrator' : pick(rng, ['target', 'responder', 'participant', 'perpetrator']) });
    const nPeople = int(rng, 5);
    for (let j = 0; j < nPeople; j++) participants.push({ id: person(), role: pick(rng, PARTICIPANT_ROLES) });
    const seen = new Set<string>();
    participants.forEach((pt, j) => {
      if (seen.has(pt.id)) return;
      seen.add(pt.id);
      rel('PARTICIPATED_IN', pt.id, me, `participated-in-${k}-${j}`, { role: pt.role, date: info.start, event: me });
    });
    const perpetrator = participants[0]!;
    const target = participants.find((pt) => pt.role === 'target' || pt.role === 'victim');
    if (target && target.id !== perpetrator.id) {
      const type: RelationType = info.eventType === 'Battles' ? pick(rng, ['ATTACKED', 'AMBUSHED'] as const)
        : info.eventType === 'Violence against civilians' ? pick(rng, ['KILLED', 'KIDNAPPED'] as const)
          : info.eventType === 'Strategic developments' ? pick(rng, ['ARRESTED', 'CAPTURED'] as const) : 'ATTACKED';
      rel(type, perpetrator.id, target.id, `${type.toLowerCase()}-${k}`, { event: me, date: info.start });
    }
    if (chance(rng, 0.3)) rel('REPORTED', ids.group(this.monitor(rng)), me, `reported-${k}`);
    if (chance(rng, 0.05)) rel('CLAIMED_RESPONSIBILITY_FOR', perpetrator.id, me, `claimed-${k}`);
    if (chance(rng, 0.05)) rel('CONDEMNED', group(), me, `condemned-${k}`);

    // Claims: a figure about the event, from a source, sometimes attributed to a monitor.
    const nClaims = chance(rng, 0.5) ? 1 + (chance(rng, 0.2) ? 1 : 0) : 0;
    for (let c = 0; c < nClaims; c++) {
      const cid = ids.claim(k * 2 + c);
      const source = ids.source(this.zSource.sample(rng));
      const claimedBy = chance(rng, 0.6) ? ids.group(this.monitor(rng)) : null;
      const value = 1 + this.zPerson.sample(rng) % 200;
      const cites = { citationSources: [source], citationQuotes: [`at least ${value} people were reported ${pick(rng, ['killed', 'wounded'])}`] };
      const certainty = claimedBy ? 'claimed' : 'reported';
      out.claims.push({
        id: cid,
        props: {
          id: cid, measure: pick(rng, CLAIM_MEASURES), victims: pick(rng, CLAIM_VICTIMS), value, low: null, high: null,
          qualifier: pick(rng, ['exact', 'at_least', 'about', 'more_than']), asOf: info.start.length === 7 ? `${info.start}-28` : info.start,
          certainty, description: null, source, claimedBy, about: me, ...cites,
        },
      });
      const link = (list: RelationRow[], type: string, to: string, suffix: string) => {
        list.push({ id: `${cid}--${suffix}`, type, from: cid, to, props: { id: `${cid}--${suffix}`, certainty, ...cites } });
      };
      link(out.claimEntityRelations, 'ABOUT', me, 'about');
      if (claimedBy) link(out.claimEntityRelations, 'CLAIMED_BY', claimedBy, 'claimed-by');
      link(out.claimSourceRelations, 'REPORTED_IN', source, 'reported-in');
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Chunks

  /** Node chunks: sources with the first chunk, then entities in index order. */
  *nodeChunks(chunkSize = 5_000): Generator<GraphRows & { entityRange: [number, number] }> {
    for (let a = 0; a < this.plan.entities; a += chunkSize) {
      const b = Math.min(this.plan.entities, a + chunkSize);
      const rows = emptyRows();
      if (a === 0) rows.sources = this.sourceRows();
      for (let i = a; i < b; i++) rows.entities.push(this.entityRow(i));
      yield { ...rows, entityRange: [a, b] };
    }
  }

  /** Relationship chunks: everything owned by entities a..b-1 (claims of events included). */
  *relationChunks(chunkSize = 5_000): Generator<GraphRows & { entityRange: [number, number] }> {
    for (let a = 0; a < this.plan.entities; a += chunkSize) {
      const b = Math.min(this.plan.entities, a + chunkSize);
      const rows = emptyRows();
      for (let i = a; i < b; i++) this.ownedRows(i, rows);
      yield { ...rows, entityRange: [a, b] };
    }
  }
}

export function emptyRows(): GraphRows {
  return { sources: [], entities: [], claims: [], entityRelations: [], claimEntityRelations: [], claimSourceRelations: [], sourceRelations: [] };
}

export function relationshipCount(rows: GraphRows): number {
  return rows.entityRelations.length + rows.claimEntityRelations.length + rows.claimSourceRelations.length + rows.sourceRelations.length;
}

// ---------------------------------------------------------------------------------------------
// Loading

export interface LoadReport {
  entities: number;
  claims: number;
  relationships: number;
  nodeSeconds: number;
  relationshipSeconds: number;
  /** Relationships per second over the relationship phase (nodes already in place). */
  relationshipsPerSecond: number;
  /** Relationships per second over the whole load, node phase included. */
  overallRelationshipsPerSecond: number;
}

/**
 * Generates the graph chunk by chunk and MERGEs it through `loadRowsBatched`, generating the next
 * chunk while Neo4j writes the current one. Shows a progress bar on stderr when it is a TTY
 * (or when `progress` is forced), and returns the load rates.
 */
export async function loadSyntheticGraph(
  driver: Driver,
  opts: GeneratorOptions & { batchSize?: number; progress?: boolean; database?: string },
): Promise<LoadReport> {
  const graph = new SyntheticGraph(opts);
  const n = graph.plan.entities;
  const chunkSize = opts.chunkSize ?? 5_000;
  const batchSize = opts.batchSize ?? 5_000;
  const bar = new SingleBar(
    {
      format: ' {phase} |{bar}| {percentage}% | {value}/{total} entities | {rels} rels | {rate} | ETA {eta_formatted}',
      stream: process.stderr,
      noTTYOutput: opts.progress ?? false,
      notTTYSchedule: 10_000,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  const report: LoadReport = { entities: n, claims: 0, relationships: 0, nodeSeconds: 0, relationshipSeconds: 0, relationshipsPerSecond: 0, overallRelationshipsPerSecond: 0 };

  const run = async (phase: string, chunks: Generator<GraphRows & { entityRange: [number, number] }>, onChunk: (rows: GraphRows) => void) => {
    const t0 = performance.now();
    let done = 0;
    bar.start(n, 0, { phase, rels: 0, rate: '' });
    let next = chunks.next();
    while (!next.done) {
      const chunk = next.value;
      const writing = loadRowsBatched(driver, chunk, { batchSize, database: opts.database });
      next = chunks.next(); // generate the next chunk while this one is written
      await writing;
      onChunk(chunk);
      done = chunk.entityRange[1];
      const secs = (performance.now() - t0) / 1000;
      bar.update(done, {
        phase,
        rels: report.relationships,
        rate: phase === 'relationships' ? `${Math.round(report.relationships / secs)} rels/s` : `${Math.round(done / secs)} nodes/s`,
      });
    }
    bar.stop();
    return (performance.now() - t0) / 1000;
  };

  report.nodeSeconds = await run('nodes        ', graph.nodeChunks(chunkSize), () => {});
  report.relationshipSeconds = await run('relationships', graph.relationChunks(chunkSize), (rows) => {
    report.relationships += relationshipCount(rows);
    report.claims += rows.claims.length;
  });
  report.relationshipsPerSecond = report.relationships / report.relationshipSeconds;
  report.overallRelationshipsPerSecond = report.relationships / (report.relationshipSeconds + report.nodeSeconds);
  return report;
}

// ---------------------------------------------------------------------------------------------
// Bulk import: the same graph as CSV for neo4j-admin (src/import/)

export interface CsvReport {
  entities: number;
  claims: number;
  relationships: number;
  nodes: number;
  /** Generating the rows and writing them as CSV. */
  seconds: number;
  bytes: number;
}

/** Generates the graph chunk by chunk into `writer` (the caller adds other rows and closes it). */
export function writeSyntheticCsv(writer: ImportCsvWriter, opts: GeneratorOptions): Omit<CsvReport, 'bytes'> {
  const graph = new SyntheticGraph(opts);
  const t0 = performance.now();
  let relationships = 0;
  let claims = 0;
  let nodes = 0;
  for (const chunk of graph.nodeChunks(opts.chunkSize)) {
    writer.write(chunk);
    nodes += chunk.entities.length + chunk.sources.length;
  }
  for (const chunk of graph.relationChunks(opts.chunkSize)) {
    writer.write(chunk);
    relationships += relationshipCount(chunk);
    claims += chunk.claims.length;
  }
  return { entities: graph.plan.entities, claims, relationships, nodes: nodes + claims, seconds: (performance.now() - t0) / 1000 };
}
