/**
 * The questions users bring, asked over real HTTP against the seeded Neo4j. Expected answers are
 * facts stated in seed/documents (quoted in each test), not whatever the graph happens to hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './apiHarness.js';

let api: Api;
let documents: Map<string, string>;

/** Whitespace-normalised, as the seed validator compares quotes. */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  api = await startApi();
  const { sources } = await api.data('{ sources { id title text } }');
  documents = new Map(sources.map((s: { id: string; text: string }) => [s.id, norm(s.text)]));
});
afterAll(async () => api?.close());

/** Every citation's quote occurs verbatim in the document it names. */
function expectVerbatim(citations: { source: { id: string }; quote: string }[]) {
  expect(citations.length).toBeGreaterThan(0);
  for (const c of citations) expect(documents.get(c.source.id), `quote not in ${c.source.id}: ${c.quote}`).toContain(norm(c.quote));
}

describe('where was Mohammad Kanjo Hassan captured', () => {
  // doc-001: "Major General Mohammad Kanjo Al-Hassan was reportedly captured in Khirbet al-Ma'zah."
  it('answers Khirbet al-Ma\'zah, hedged as reported, with the quote from doc-001', async () => {
    const { entity } = await api.data(`{
      entity(name: "Mohammad Kanjo Hassan") {
        id
        relations(types: ["CAPTURED_IN"], direction: OUT) {
          type certainty other { id name kind } citations { source { id title } quote }
        }
      }
    }`);
    expect(entity.id).toBe('mohammad-kanjo-hassan');
    const captured = entity.relations.find((r: any) => r.other.id === 'khirbet-al-mazah');
    expect(captured).toMatchObject({ type: 'CAPTURED_IN', certainty: 'reported', other: { name: "Khirbet al-Ma'zah", kind: 'Place' } });
    expect(captured.citations.map((c: any) => c.source.id)).toContain('doc-001');
    expect(captured.citations.some((c: any) => c.quote.includes("reportedly captured in Khirbet al-Ma'zah"))).toBe(true);
    expectVerbatim(captured.citations);
  });
});

describe("who ambushed the General Security Service at Khirbet al-Ma'zah", () => {
  // doc-001: "the General Security Service were ambushed by militants … According to SOHR ,
  // loyalists of Mohammed Kanjo Hassan and another former Ba'athist officer, Suhayl al-Hasan,
  // were responsible for the ambush."
  it("lists the loyalists of Kanjo Hassan and of Suhayl al-Hasan as reported by SOHR (according to SOHR), in the Khirbet al-Ma'zah ambush", async () => {
    const { entity } = await api.data(`{
      entity(name: "General Security Service") {
        relations(types: ["AMBUSHED"], direction: IN) {
          direction certainty claimedBy { id } other { id name } event { id name place { id } }
          citations { source { id } quote }
        }
      }
    }`);
    const atKhirbet = entity.relations.filter((r: any) => r.event?.place?.id === 'khirbet-al-mazah');
    for (const who of ['kanjo-hassan-loyalists', 'suhayl-al-hasan-loyalists']) {
      const r = atKhirbet.find((x: any) => x.other.id === who);
      expect(r, `${who} among the ambushers`).toBeDefined();
      expect(r).toMatchObject({ direction: 'IN', certainty: 'reported', claimedBy: { id: 'sohr' } });
      expect(r.citations.some((c: any) => c.quote.includes('were responsible for the ambush'))).toBe(true);
      expectVerbatim(r.citations);
    }
  });
});

describe('names under any spelling', () => {
  it.each([
    ['Tartous', 'Tartus'],
    ['Mohammed Kanjo al-Hassan', 'Mohammad Kanjo Hassan'],
    ['ahmad al sharaa', 'Ahmed al-Sharaa'],
    ['Hayat Tahrir al-Sham', "Hay'at Tahrir al-Sham"],
    ['  KHIRBET   AL-MA’ZAH ', "Khirbet al-Ma'zah"],
  ])('"%s" finds %s', async (typed, canonical) => {
    const { entity } = await api.data('query ($n: String!) { entity(name: $n) { name } }', { n: typed });
    expect(entity.name).toBe(canonical);
  });

  it('search ranks the closest entity first and says which name matched', async () => {
    const { search } = await api.data('{ search(text: "Kanjo Hasan", first: 3) { score matchedName entity { id } } }');
    expect(search[0].entity.id).toBe('mohammad-kanjo-hassan');
    expect(search[0].score).toBeGreaterThanOrEqual(search[1].score);
    const typo = await api.data('{ search(text: "Khirbet al-Mazah", kinds: [Place], first: 1) { matchedName entity { id kind } } }');
    expect(typo.search[0]).toEqual({ matchedName: "Khirbet al-Ma'zah", entity: { id: 'khirbet-al-mazah', kind: 'Place' } });
  });
});

describe('how two commanders are linked', () => {
  // doc-001 names both as former Ba'athist officers whose loyalists ambushed the GSS.
  const query = `query ($from: String!, $to: String!, $exclude: [String!]) {
    paths(from: $from, to: $to, maxHops: 4, first: 10, exclude: $exclude) {
      length
      steps { from { id kind } relation direction to { id kind } citations { source { id } quote } }
    }
  }`;

  it('gives simple paths from Mohammad Kanjo Hassan to Suhayl al-Hasan, shortest first, every step cited', async () => {
    const { paths } = await api.data(query, { from: 'Mohammad Kanjo Hassan', to: 'Suhayl al-Hasan' });
    expect(paths.length).toBeGreaterThan(0);
    const lengths = paths.map((p: any) => p.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    for (const p of paths) {
      expect(p.length).toBeLessThanOrEqual(4);
      expect(p.steps[0].from.id).toBe('mohammad-kanjo-hassan');
      expect(p.steps.at(-1).to.id).toBe('suhayl-al-hasan');
      const visited = [p.steps[0].from.id, ...p.steps.map((s: any) => s.to.id)];
      expect(new Set(visited).size).toBe(visited.length); // simple: no entity twice
      p.steps.forEach((s: any, i: number) => {
        if (i > 0) expect(s.from.id).toBe(p.steps[i - 1].to.id);
        expect(['Person', 'Group', 'Place', 'Event']).toContain(s.to.kind); // never a Source or Claim
        expect(['IN', 'OUT']).toContain(s.direction);
        expectVerbatim(s.citations);
      });
    }
  });

  it('avoids the hub entities it is told to exclude', async () => {
    const first = await api.data(query, { from: 'Mohammad Kanjo Hassan', to: 'Suhayl al-Hasan' });
    const hub = first.paths.find((p: any) => p.length > 1)?.steps[0].to.id as string;
    expect(hub).toBeDefined();
    const { paths } = await api.data(query, { from: 'Mohammad Kanjo Hassan', to: 'Suhayl al-Hasan', exclude: [hub] });
    for (const p of paths) for (const s of p.steps) expect(s.to.id).not.toBe(hub);
  });
});

describe('events inside a governorate', () => {
  // doc-002: "The clashes started at the town of Jableh near the city of Latakia"; Jableh is in
  // Latakia Governorate, so its events are events in Latakia Governorate.
  it('include the events located in Jableh, which lies inside Latakia Governorate', async () => {
    const ids: string[] = [];
    const jableh: any[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { events } = await api.data(
        `query ($after: String) { events(filter: { place: "Latakia Governorate" }, first: 25, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges { node { id start places { id parents { id } } } }
        } }`,
        { after },
      );
      for (const { node } of events.edges) {
        ids.push(node.id);
        if (node.places.some((p: any) => p.id === 'jableh' || p.parents.some((q: any) => q.id === 'jableh'))) jableh.push(node);
      }
      if (!events.pageInfo.hasNextPage) break;
      after = events.pageInfo.endCursor;
    }
    expect(jableh.length).toBeGreaterThan(0);
    expect(jableh.some((e) => e.start === '2025-03-06')).toBe(true);
    // The place filter follows LOCATED_IN: Jableh's own parents include the governorate.
    const { entity } = await api.data('{ entity(name: "Jableh") { ... on Place { parents { id } } } }');
    expect(entity.parents.map((p: any) => p.id)).toContain('latakia-governorate');
  });
});

describe('casualty figures side by side', () => {
  // doc-001: SOHR reported "the deaths of more than 344 civilians"; doc-000's infobox gives 2,005+.
  it('lists conflicting figures for the same event with who claims them, as of when, and the document', async () => {
    const { claims } = await api.data(`{
      claims(about: "Western Syria clashes") {
        id measure victims value qualifier figure asOf about { id } claimedBy { id } source { id } conflictsWith { id value }
        citations { source { id } quote }
      }
    }`);
    const civiliansKilled = claims.filter((c: any) => c.measure === 'killed' && c.victims === 'civilians');
    const values = new Set(civiliansKilled.map((c: any) => c.value));
    expect(values.has(344)).toBe(true);
    expect(values.has(2005)).toBe(true);
    const sohr344 = civiliansKilled.find((c: any) => c.value === 344 && c.claimedBy?.id === 'sohr');
    expect(sohr344).toMatchObject({ source: { id: 'doc-001' } });
    expect(sohr344.figure).toMatch(/344/);
    expect(sohr344.asOf).toMatch(/^2025-03/);
    expectVerbatim(sohr344.citations);
    // Figures of one group are adjacent, and each names the differing ones.
    const groupOf = (c: any) => `${c.about?.id}|${c.measure}|${c.victims}`;
    const seen: string[] = [];
    for (const c of claims) if (seen.at(-1) !== groupOf(c)) seen.push(groupOf(c));
    expect(new Set(seen).size).toBe(seen.length);
    const withConflicts = civiliansKilled.filter((c: any) => c.conflictsWith.length > 0);
    expect(withConflicts.length).toBeGreaterThan(0);
    for (const c of withConflicts) for (const o of c.conflictsWith) expect(o.value).not.toBe(c.value === null ? undefined : c.value);
  });
});

describe('one-hop fields', () => {
  it("answers a group's leaders, a person's groups, an event's participants, place and claims", async () => {
    const d = await api.data(`{
      hts: entity(name: "HTS") { ... on Group { leaders { other { id } citations { quote } } } }
      kanjo: entity(name: "Mohammad Kanjo Hassan") { ... on Person { groups { type other { id kind } } relatives { note other { id } } } }
      ambush: entityById(id: "khirbet-al-mazah-ambush-2024-12-25") {
        ... on Event { start eventType subEventType startDate endDate place { id } partOf { id }
          participants { role entity { id } citations { quote } } claims { measure value source { id } } }
      }
    }`);
    // doc-001: "HTS Emir and military commander Ahmed al-Sharaa"
    expect(d.hts.leaders.map((l: any) => l.other.id)).toContain('ahmed-al-sharaa');
    expect(d.kanjo.groups.every((g: any) => g.other.kind === 'Group')).toBe(true);
    // doc-001: "The militants were led by Mohammed Kanjo Hassan's brother"
    expect(d.kanjo.relatives.map((r: any) => r.other.id)).toContain('kanjo-hassan-brother');
    expect(d.ambush).toMatchObject({ start: '2024-12-25', startDate: '2024-12-25', endDate: '2024-12-25', place: { id: 'khirbet-al-mazah' } });
    expect(d.ambush.participants.map((p: any) => p.entity.id)).toContain('general-security-service');
    // doc-001: "with 14 policemen and three attackers being killed"
    expect(d.ambush.claims.map((c: any) => c.value)).toEqual(expect.arrayContaining([14, 3]));
  });
});
