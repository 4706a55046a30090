/**
 * Knowledge v2 questions, asked over real HTTP against the seeded Neo4j: offices, alliances,
 * causes, deployments, appeals and bodies set up, each answered by a typed link that carries the
 * document's own words (`predicate`) and the verbatim quote. Expected answers are what the
 * documents say (quoted in each test), not whatever the graph happens to hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from '../api/apiHarness.js';

let api: Api;
let documents: Map<string, string>;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  api = await startApi();
  const { sources } = await api.data('{ sources { id text } }');
  documents = new Map(sources.map((s: { id: string; text: string }) => [s.id, norm(s.text)]));
});
afterAll(async () => api?.close());

const RELATION = `type direction predicate since until status title certainty claimedBy { id }
  other { id name kind ... on Group { groupType } }
  citations { source { id } quote }`;

interface Rel {
  type: string;
  predicate: string | null;
  status: string | null;
  title: string | null;
  certainty: string;
  other: { id: string; name: string; kind: string; groupType?: string };
  citations: { source: { id: string }; quote: string }[];
}

/** The links of one type of the entity with this id, seen from it. */
async function links(id: string, type: string, direction: 'IN' | 'OUT'): Promise<Rel[]> {
  const { entityById } = await api.data(
    `query ($id: ID!, $types: [String!]) { entityById(id: $id) { relations(types: $types, direction: ${direction}) { ${RELATION} } } }`,
    { id, types: [type] },
  );
  return entityById.relations;
}

/** Every citation is verbatim in its document, and the predicate is in one of the quotes. */
function expectCited(rel: Rel, source: string) {
  expect(rel.citations.map((c) => c.source.id)).toContain(source);
  for (const c of rel.citations) expect(documents.get(c.source.id), c.quote).toContain(norm(c.quote));
  if (rel.predicate) expect(rel.citations.some((c) => c.quote.toLowerCase().includes(rel.predicate!.toLowerCase()))).toBe(true);
}

describe('Knowledge v2: what the documents say, as typed links in their own words', () => {
  // doc-004: "U.S. Secretary of State Marco Rubio urged Syrian authorities …"
  it('whose Secretary of State Marco Rubio is: the United States, a state (an actor, not the territory)', async () => {
    const { entity } = await api.data(`{ entity(name: "Marco Rubio") { id relations(types: ["HOLDS_POSITION_IN"]) { ${RELATION} } } }`);
    expect(entity.id).toBe('marco-rubio');
    const [office] = entity.relations as Rel[];
    expect(office).toMatchObject({ type: 'HOLDS_POSITION_IN', direction: 'OUT', title: 'Secretary of State', status: 'current', other: { id: 'united-states-state', name: 'United States', kind: 'Group', groupType: 'state' } });
    expectCited(office!, 'doc-004');
    // The state's territory is the country place, linked to it.
    const territory = await links('united-states-state', 'TERRITORY_OF', 'IN');
    expect(territory.map((r) => [r.other.id, r.other.kind])).toEqual([['united-states', 'Place']]);
  });

  // doc-003: "Meanwhile, Russia, a former key ally of Assad, has remained largely silent …"
  it("who was Assad's former ally: Russia, with status former and the document's words", async () => {
    const { entity } = await api.data(`{ entity(name: "Bashar al-Assad") { relations(types: ["ALLIED_WITH"], direction: IN) { ${RELATION} } } }`);
    const former = (entity.relations as Rel[]).filter((r) => r.status === 'former');
    expect(former.map((r) => r.other.id)).toEqual(['russia-state']);
    expect(former[0]).toMatchObject({ predicate: 'a former key ally of', other: { name: 'Russia', groupType: 'state' } });
    expectCited(former[0]!, 'doc-003');
  });

  // doc-000/doc-001: "The clashes were triggered by the proliferation of videos on social media …"
  it('what triggered the clashes: the shrine videos (doc-000, doc-001); the March escalation: the patrol attack (doc-004, reported)', async () => {
    const [videos] = await links('western-syria-clashes', 'TRIGGERED', 'IN');
    expect(videos).toMatchObject({ predicate: 'were triggered by', certainty: 'stated', other: { id: 'shrine-video-disinformation-campaign-2024-12', kind: 'Event' } });
    expectCited(videos!, 'doc-000');
    expectCited(videos!, 'doc-001');
    const march = await links('march-2025-western-syria-clashes', 'TRIGGERED', 'IN');
    expect(march).toEqual([expect.objectContaining({ predicate: 'has triggered', certainty: 'reported', other: expect.objectContaining({ id: 'news-2025-03-06-attack-on-security-patrol-near-latakia' }) })]);
    expectCited(march[0]!, 'doc-004');
  });

  // doc-001: "The government's Military Operations Command subsequently ordered the arrest of the
  // attackers and sent reinforcements to secure Khirbet al-Ma'zah."
  it("who sent reinforcements to Khirbet al-Ma'zah, and what it ordered", async () => {
    const { entity } = await api.data(`{ entity(name: "Khirbet al-Ma'zah") { relations(types: ["DEPLOYED_TO"], direction: IN) { ${RELATION} } } }`);
    const [sent] = entity.relations as Rel[];
    expect(sent).toMatchObject({ predicate: 'sent reinforcements to secure', other: { id: 'military-operations-command', name: 'Military Operations Command' } });
    expectCited(sent!, 'doc-001');
    const [ordered] = await links('military-operations-command', 'ORDERED', 'OUT');
    expect(ordered).toMatchObject({ predicate: 'ordered the arrest of', other: { id: 'khirbet-al-mazah-militants' } });
  });

  // doc-004: "Marco Rubio urged Syrian authorities to hold the perpetrators of these massacres accountable."
  it('whom Rubio urged: the Syrian authorities (the transitional government), in a cited statement', async () => {
    const urged = await links('marco-rubio', 'URGED', 'OUT');
    expect(urged.map((r) => r.other.id)).toEqual(['syrian-transitional-government']);
    expect(urged[0]!.predicate).toBe('urged');
    expectCited(urged[0]!, 'doc-004');
    expect(urged[0]!.citations[0]!.quote).toContain('urged Syrian authorities to hold the perpetrators of these massacres accountable');
  });

  // doc-004: "A committee, predominantly comprised of judges, was established by Al-Sharaa to investigate the violence."
  it('who established the committee, and what it investigates', async () => {
    const established = await links('investigative-committee-march-2025', 'ESTABLISHED', 'IN');
    expect(established.map((r) => [r.other.id, r.predicate])).toEqual([['ahmed-al-sharaa', 'established']]);
    expectCited(established[0]!, 'doc-004');
    const investigates = await links('investigative-committee-march-2025', 'INVESTIGATES', 'OUT');
    expect(investigates.map((r) => [r.other.id, r.predicate])).toEqual([['march-2025-western-syria-clashes', 'to investigate the violence']]);
  });

  it('carries predicate, title and status on graph edges and path steps too', async () => {
    const { neighbourhood } = await api.data(`{ neighbourhood(name: "Marco Rubio", types: ["HOLDS_POSITION_IN", "URGED"]) {
      edges { id type from to predicate title status citations { source { id } } } } }`);
    expect(neighbourhood.edges).toEqual(expect.arrayContaining([
      expect.objectContaining({ type: 'HOLDS_POSITION_IN', from: 'marco-rubio', to: 'united-states-state', title: 'Secretary of State', status: 'current' }),
      expect.objectContaining({ type: 'URGED', from: 'marco-rubio', to: 'syrian-transitional-government', predicate: 'urged' }),
    ]));
    const { paths } = await api.data(`{ paths(from: "Marco Rubio", to: "Ahmed al-Sharaa", maxHops: 2, types: ["URGED", "HOLDS_POSITION_IN"]) {
      length steps { relation direction predicate title status from { id } to { id } citations { source { id } } } } }`);
    expect(paths[0]).toMatchObject({ length: 2, steps: [
      { relation: 'URGED', direction: 'OUT', predicate: 'urged', from: { id: 'marco-rubio' }, to: { id: 'syrian-transitional-government' } },
      { relation: 'HOLDS_POSITION_IN', direction: 'IN', to: { id: 'ahmed-al-sharaa' } },
    ] });
    expect(paths[0].steps[1].title).toMatch(/President/);
  });

  it('rejects an unknown relationship type in relations(types:) with BAD_USER_INPUT, and accepts every new one', async () => {
    const bad = await api.gql('{ entityById(id: "marco-rubio") { relations(types: ["SECRETARY_OF"]) { id } } }');
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const all = ['HOLDS_POSITION_IN', 'ALLIED_WITH', 'TRIGGERED', 'IN_RESPONSE_TO', 'LED_TO', 'DEPLOYED_TO', 'ORDERED', 'URGED', 'THREATENED', 'ESTABLISHED', 'INVESTIGATES', 'DISPLACED', 'EXPRESSED_SOLIDARITY_WITH', 'CONTROLS', 'TERRITORY_OF'];
    const ok = await api.gql('query ($t: [String!]) { entityById(id: "marco-rubio") { relations(types: $t) { type } } }', { t: all });
    expect(ok.body.errors).toBeUndefined();
    expect(new Set(ok.body.data!.entityById.relations.map((r: { type: string }) => r.type))).toEqual(new Set(['HOLDS_POSITION_IN', 'URGED', 'EXPRESSED_SOLIDARITY_WITH']));
  });
});
