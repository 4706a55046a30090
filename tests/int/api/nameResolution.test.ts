/**
 * Name resolution as a journalist types names (issue 11), through the real API: each failure the
 * issue names, how a match is reported, AMBIGUOUS_NAME candidates, the ladder in every name
 * argument, and search ranking the obvious answer first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset, toGraphRows } from '../../../src/seed/index.js';
import { codes, startApi, type Api } from './apiHarness.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

async function resolve(name: string) {
  const { body } = await api.gql('query ($n: String!) { entity(name: $n) { id match { how matchedName typed } } }', { n: name });
  return body;
}

async function answer(name: string) {
  const body = await resolve(name);
  expect(body.errors, name).toBeUndefined();
  return body.data!.entity as { id: string; match: { how: string; matchedName: string; typed: string } };
}

async function ambiguity(name: string) {
  const body = await resolve(name);
  expect(codes(body), name).toEqual(['AMBIGUOUS_NAME']);
  return body.errors![0]!.extensions!.candidates as { id: string; kind: string; name: string; description: string; how: string; matchedName: string }[];
}

describe('entity(name:): the failures of issue 11', () => {
  it.each([
    ['Kanjo', 'mohammad-kanjo-hassan', 'PARTIAL'],
    ['Kneifati', 'mustafa-kneifati', 'PARTIAL'],
    ['Tahrir al-Sham', 'hts', 'PARTIAL'],
    ['Syrian Observatory', 'sohr', 'PARTIAL'],
    ["ambush at Khirbet al-Ma'zah", 'khirbet-al-mazah-ambush-2024-12-25', 'REORDERED'],
    ['naval college in Jableh', 'jableh-naval-college', 'REORDERED'],
    ['fall of Assad', 'fall-of-assad-regime', 'PARTIAL'],
    ['Sednaya', 'saydnaya-prison', 'PARTIAL'],
    ['Jabla', 'jableh', 'SPELLING'],
    ['Hmeimim', 'khmeimim-air-base', 'PARTIAL'],
    ['Tal Kalakh', 'talkalakh', 'SPELLING'],
    ['Ministry of Defense', 'syrian-ministry-of-defence', 'REORDERED'],
    ['Khmeimim airbase', 'khmeimim-air-base', 'SPELLING'],
    ['Khirbet al Maza', 'khirbet-al-mazah', 'SPELLING'],
    ['ISIS', 'islamic-state', 'COMMON_NAME'],
    ['Shiites', 'shia', 'COMMON_NAME'],
    ['Shia Islam', 'shia', 'COMMON_NAME'],
    ['Alawite', 'alawites', 'COMMON_NAME'],
    ['Alawite civilians', 'alawites', 'COMMON_NAME'],
    ['Secretary of State', 'marco-rubio', 'DESCRIPTION'],
    ['UN Human Rights Office', 'un-human-rights-office', 'PARTIAL'],
  ])('"%s" answers %s (%s)', async (name, id, how) => {
    const e = await answer(name);
    expect(e.id).toBe(id);
    expect(e.match.how).toBe(how);
    expect(e.match.typed).toBe(name);
  });

  it('"Hasan" is AMBIGUOUS, not Mohammad Kanjo Hassan: Suhayl al-Hasan is a candidate too', async () => {
    const ids = (await ambiguity('Hasan')).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['mohammad-kanjo-hassan', 'suhayl-al-hasan']));
  });

  it('"Hassan" is AMBIGUOUS: Hassan Abdel Ghani exists beside Kanjo Hassan', async () => {
    const ids = (await ambiguity('Hassan')).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['mohammad-kanjo-hassan', 'hassan-abdel-ghani']));
  });

  it('"al-Shami" is AMBIGUOUS between the two people of that name, not NOT_FOUND', async () => {
    const ids = (await ambiguity('al-Shami')).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['ahmad-al-shami', 'abu-aisha-al-shami']));
    expect(ids).not.toContain('sham-legion');
  });

  it('"Syrian Army" is AMBIGUOUS between the new army (its alias) and the Assad-era Syrian Arab Army', async () => {
    const candidates = await ambiguity('Syrian Army');
    expect(candidates.map((c) => c.id)).toEqual(expect.arrayContaining(['new-syrian-army', 'syrian-arab-army']));
    expect(candidates[0]).toMatchObject({ id: 'new-syrian-army', kind: 'Group', how: 'ALIAS', matchedName: 'Syrian Army' });
    expect(candidates.find((c) => c.id === 'syrian-arab-army')).toMatchObject({ how: 'PARTIAL', matchedName: 'Syrian Arab Army' });
    for (const c of candidates) expect(c.description.length).toBeGreaterThan(0);
  });

  it('an exact name still wins over longer names that contain it', async () => {
    expect((await answer('Homs')).id).toBe('homs');
    expect((await answer('Homs')).match).toMatchObject({ how: 'EXACT', matchedName: 'Homs' });
    expect((await answer('Military Operations Command')).id).toBe('military-operations-command');
    expect((await answer('Assad regime')).id).toBe('assad-regime');
  });

  it('says which alias matched when the alias was typed', async () => {
    expect((await answer('Tartous')).match).toMatchObject({ how: 'ALIAS', matchedName: 'Tartous' });
    expect((await answer('HTS')).match).toMatchObject({ how: 'ALIAS', matchedName: 'HTS' });
  });

  it('answers NOT_FOUND, with suggestions, for a name nothing is called', async () => {
    const body = await resolve('Free Syrian Army');
    expect(codes(body)).toEqual(['NOT_FOUND']);
    expect(codes(await resolve('Hamas'))).toEqual(['NOT_FOUND']);
  });

  it('does not answer an unnamed entity from part of its description', async () => {
    // "Mohammed Kanjo Hassan's brother" is unnamed: "brother" alone must not find him.
    const body = await resolve('brother');
    expect(body.data?.entity?.id).not.toBe('kanjo-hassan-brother');
    expect((await answer("Mohammed Kanjo Hassan's brother")).id).toBe('kanjo-hassan-brother');
  });
});

describe('every name argument goes through the ladder', () => {
  it('paths from/to', async () => {
    const data = await api.data('{ paths(from: "Kanjo", to: "Khirbet al Maza", maxHops: 4, first: 1) { steps { from { id } to { id } } } }');
    const [path] = data.paths as { steps: { from: { id: string }; to: { id: string } }[] }[];
    expect(path!.steps[0]!.from.id).toBe('mohammad-kanjo-hassan');
    expect(path!.steps.at(-1)!.to.id).toBe('khirbet-al-mazah');
    const body = (await api.gql('{ paths(from: "Hasan", to: "Jableh") { length } }')).body;
    expect(codes(body)).toEqual(['AMBIGUOUS_NAME']);
    expect(body.errors![0]!.extensions!.argument).toBe('from');
  });

  it('neighbourhood name and exclude', async () => {
    const data = await api.data('{ neighbourhood(name: "Kneifati", exclude: ["Syria"]) { center { id } nodes { id } } }');
    const hood = data.neighbourhood as { center: { id: string }; nodes: { id: string }[] };
    expect(hood.center.id).toBe('mustafa-kneifati');
    expect(hood.nodes.map((n) => n.id)).not.toContain('syria');
    const body = (await api.gql('{ neighbourhood(name: "Kneifati", exclude: ["Hasan"]) { center { id } } }')).body;
    expect(codes(body)).toEqual(['AMBIGUOUS_NAME']);
  });

  it('events place filter', async () => {
    const data = await api.data('{ events(filter: { place: "Khirbet al Maza" }) { edges { node { id } } } }');
    const ids = (data.events as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
    expect(ids).toContain('khirbet-al-mazah-ambush-2024-12-25');
    const body = (await api.gql('{ events(filter: { place: "Mazraa" }) { edges { node { id } } } }')).body;
    expect(codes(body)).toEqual(['AMBIGUOUS_NAME']);
  });
});

describe('search ranks the obvious answer first', () => {
  async function top(text: string, extra = '') {
    const data = await api.data(`query ($t: String!) { search(text: $t, first: 5${extra}) { entity { id } score match { how matchedName } } }`, { t: text });
    return data.search as { entity: { id: string }; score: number; match: { how: string; matchedName: string } }[];
  }

  it.each([
    ['Homs', 'homs'],
    ['Military Operations Command', 'military-operations-command'],
    ['Assad regime', 'assad-regime'],
    ['UN Human Rights Office', 'un-human-rights-office'],
    ['Secretary of State', 'marco-rubio'],
    ['Hasan', 'mohammad-kanjo-hassan'],
    ['ISIS', 'islamic-state'],
  ])('"%s" → %s first', async (text, id) => {
    const hits = await top(text);
    expect(hits[0]!.entity.id).toBe(id);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score + 1e-9);
  });

  it('agrees with entity(name:) on how the best hit matched', async () => {
    for (const name of ['Kanjo', 'Jabla', 'Tal Kalakh', 'Tartous']) {
      const [hit] = await top(name);
      const e = await answer(name);
      expect(hit!.entity.id, name).toBe(e.id);
      expect(hit!.match, name).toEqual({ how: e.match.how, matchedName: e.match.matchedName });
    }
  });

  it('a kind boost (preferKinds) ranks that kind first within the same step, never above a better step', async () => {
    // "Ansar al-Sunnah" is part of the group's name and of the name of the event of its emergence.
    const plain = await top('Ansar al-Sunnah');
    expect(plain[0]!.entity.id).toBe('saraya-ansar-al-sunnah');
    const event = plain.find((h) => h.entity.id === 'saraya-ansar-al-sunnah-emergence-2025-02-15');
    expect(event?.match.how).toBe('PARTIAL');
    const boosted = await top('Ansar al-Sunnah', ', preferKinds: [Event]');
    expect(boosted[0]!.entity.id).toBe('saraya-ansar-al-sunnah-emergence-2025-02-15');
    expect((await top('Saraya Ansar al-Sunnah', ', preferKinds: [Event]'))[0]!.entity.id).toBe('saraya-ansar-al-sunnah');
  });
});

describe('a lookup reads only what can change its answer', () => {
  it('reads no partial candidates for a canonical name typed whole (nothing contests it)', async () => {
    const { body, queries } = await api.gql('{ entity(name: "Syrian Arab Army") { id match { how } } }');
    expect(body.data).toEqual({ entity: { id: 'syrian-arab-army', match: { how: 'EXACT' } } });
    // One statement, and only the whole-name hit: no coverage-tier read ran.
    expect(queries.map((q) => [q.query, q.rows])).toEqual([['entities.byLookupKeys', 1]]);
  });

  it('still reads the contenders of an alias ("Syrian Army": the new and the Assad-era army)', async () => {
    expect((await ambiguity('Syrian Army')).map((c) => c.id)).toEqual(expect.arrayContaining(['new-syrian-army', 'syrian-arab-army']));
  });

  it('answers NOT_FOUND in two statements, near names included, when the ladder rejects every hit ("Hamas", "Kunju")', async () => {
    // The first statement finds candidates whose word skeletons collide with the typed word; the
    // ladder rejects them; one follow-up reads the later steps and the near names together.
    for (const [name, near] of [['Hamas', 'hama'], ['Kunju', null]] as const) {
      const { body, queries } = await api.gql('query ($n: String!) { entity(name: $n) { id } }', { n: name });
      expect(codes(body), name).toEqual(['NOT_FOUND']);
      const suggestions = (body.errors![0]!.extensions!.suggestions as { id: string }[]).map((s) => s.id);
      if (near) expect(suggestions).toContain(near);
      expect(queries.map((q) => q.query), name).toEqual(['entities.byLookupKeys', 'entities.byLookupKeys']);
      expect(queries[0]!.rows, name).toBeGreaterThan(0);
    }
  });

  it('answers a partial match in one statement (its tier read brings it whole)', async () => {
    const { body, queries } = await api.gql('{ entity(name: "Kneifati") { id certainty citations { quote } } }');
    const e = body.data!.entity as { id: string; certainty: string; citations: { quote: string }[] };
    expect(e.id).toBe('mustafa-kneifati');
    expect(e.certainty).toBeTruthy();
    expect(e.citations.length).toBeGreaterThan(0);
    expect(queries.map((q) => q.query)).toEqual(['entities.byLookupKeys']);
  });
});

describe('equal matches rank the better-documented entity first', () => {
  it('lists people sharing a given name by how many documents speak of them', async () => {
    const candidates = await ambiguity('Mohammed');
    // The documents each is known in, as the loader stores them (knownIn).
    const rows = toGraphRows(await readDataset());
    const documents = new Map(rows.entities.map((e) => [e.id, (e.props.knownIn as string[]).length]));
    expect(candidates.map((c) => c.id)).toEqual(expect.arrayContaining(['mohammad-kanjo-hassan', 'mohammed-othman']));
    // Within one ladder step and score, more documents first.
    for (let k = 1; k < candidates.length; k++) {
      const [a, b] = [candidates[k - 1]!, candidates[k]!];
      if (a.how === b.how && (a as unknown as { score: number }).score === (b as unknown as { score: number }).score) {
        expect(documents.get(a.id)!).toBeGreaterThanOrEqual(documents.get(b.id)!);
      }
    }
  });
});
