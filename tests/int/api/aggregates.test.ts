/**
 * Casualty aggregates on the seed's real overlaps (docs/aggregates.md): SOHR's "more than 344"
 * civilians killed in the earlier revision of the article and "more than 2005" in the later one
 * (a revision supersedes: never 2,349); "2005 … 1897 of whom" in one report (a part of the larger
 * figure); the article-wide infobox total and the incidents inside the conflict (PART_OF: compared,
 * not added); and buckets by month, governorate, claimant and victims.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startApi, type Api } from './apiHarness.js';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.close());

const BUCKET = `key spans events low best high highOpen bestRule claimants documents
  claims { use reason claim { id value figure source { id } claimedBy { id } about { id } } }`;

const summary = async (args: string) =>
  (await api.data(`{ casualties(${args}) { groupBy measure buckets { ${BUCKET} } total { ${BUCKET} } truncated } }`)).casualties;

const use = (bucket: any, claimId: string) => bucket.claims.find((c: any) => c.claim.id === claimId)?.use;

describe('casualties', () => {
  it('never adds a revision to the figure it revises, nor a part to its total', async () => {
    const s = await summary('groupBy: month, victims: ["civilians"]');
    const all = s.total;
    // The later revision of the article supersedes the earlier one, whoever is named as claimant.
    expect(use(all, 'doc001-sohr-civilians-killed-344')).toBe('superseded');
    expect(use(all, 'doc001-sohr-infobox-civilians-killed-344')).toBe('superseded');
    // "more than 2005 civilians, 1897 of whom …": one report, a total and a part of it.
    expect(use(all, 'doc000-sohr-civilians-killed-sectarian-1897')).toBe('covered');
    // Nothing behind the total is counted twice: best is at least the largest single figure and
    // below the sum of the figures that are not superseded.
    const figures = all.claims.filter((c: any) => c.use !== 'superseded').map((c: any) => c.claim.value ?? 0);
    expect(all.best).toBeGreaterThanOrEqual(2005);
    expect(all.best).toBeLessThan(figures.reduce((a: number, b: number) => a + b, 0));
    expect(all.best).not.toBe(2005 + 344);
    expect(all.low).toBeLessThanOrEqual(all.best);
    expect(all.high).toBeGreaterThanOrEqual(all.best);
    expect(all.highOpen).toBe(true); // "more than 2005"
    expect(all.bestRule).toMatch(/supersede/);
    // Revisions of one article are one independent document.
    const docs = new Set(all.claims.filter((c: any) => c.use !== 'superseded').map((c: any) => c.claim.source.id));
    expect(all.documents).toBeLessThanOrEqual(docs.size);
    expect(all.documents).toBeGreaterThan(1);
  });

  it('buckets by month, with a spanning event in a bucket of its own', async () => {
    const s = await summary('groupBy: month, victims: ["civilians"]');
    const keys = s.buckets.map((b: any) => b.key);
    expect(keys).toEqual([...keys].sort());
    for (const b of s.buckets) {
      expect(b.spans).toBe(b.key.includes('..'));
      if (b.best !== null) expect(b.low <= b.best && b.best <= b.high).toBe(true);
      for (const c of b.claims) expect(['counted', 'alternative', 'superseded', 'covered']).toContain(c.use);
    }
    const dec = s.buckets.find((b: any) => b.key === '2024-12');
    expect(dec.events).toBeGreaterThan(0);
    expect(dec.claimants.length).toBeGreaterThan(0);
  });

  it('keeps two monitors’ reports of one count as a range with the most conservative best', async () => {
    const s = await summary('groupBy: claimant, victims: ["civilians"]');
    const sohr = s.buckets.find((b: any) => b.key === 'Syrian Observatory for Human Rights' || b.claims.some((c: any) => c.claim.claimedBy?.id === 'sohr'));
    expect(sohr).toBeDefined();
    for (const b of s.buckets) for (const c of b.claims) {
      const who = c.claim.claimedBy?.id ?? null;
      const inBucket = s.buckets.filter((x: any) => x.claims.some((y: any) => y.claim.id === c.claim.id));
      expect(inBucket.length, `${c.claim.id} in one claimant bucket (${who})`).toBe(1);
    }
  });

  it('groups by governorate and victims, filters by place and date, and answers as of a date', async () => {
    const gov = await summary('groupBy: governorate');
    expect(gov.buckets.some((b: any) => /Latakia/.test(b.key))).toBe(true);
    const byVictims = await summary('groupBy: victims');
    expect(byVictims.buckets.map((b: any) => b.key)).toEqual(expect.arrayContaining(['civilians', 'security_forces']));
    const inLatakia = await summary('groupBy: month, filter: { place: "Latakia Governorate", from: "2025-03" }');
    for (const b of inLatakia.buckets) expect(b.key >= '2025-03' || b.spans).toBe(true);
    const early = await summary('groupBy: month, victims: ["civilians"], asOf: "2025-03-08"');
    expect(early.total.claims.length).toBeGreaterThan(0);
    for (const c of early.total.claims) expect(['doc-001', 'doc-002', 'doc-003']).toContain(c.claim.source.id);
  });

  it('refuses an unknown measure or victim group', async () => {
    expect(codes((await api.gql('{ casualties(groupBy: month, measure: "eaten") { total { best } } }')).body)).toEqual(['BAD_USER_INPUT']);
    expect(codes((await api.gql('{ casualties(groupBy: month, victims: ["aliens"]) { total { best } } }')).body)).toEqual(['BAD_USER_INPUT']);
  });
});
