/**
 * `npx tsx scripts/measureAnalyst.ts`: the figures docs/analyst.md quotes, on the seeded graph —
 * what is known as of each document's date (entities, links, events, figures), the civilians
 * killed by month (range, best, rule, claimants), and each export's size and time. Uses
 * NEO4J_URI/USER/PASSWORD when set, else the local Neo4j (started, and seeded if empty).
 */
import { Writable } from 'node:stream';
import { loadQueries } from '../src/cypher/queries.js';
import { createDriver } from '../src/db/driver.js';
import { createExecutor } from '../src/db/executor.js';
import { FORMAT_NAMES, runExport } from '../src/export/index.js';
import { createLogger } from '../src/log.js';
import { ensureNeo4j } from '../src/platform/index.js';
import { applySchema, countGraph, loadDataset, readDataset, toGraphRows } from '../src/seed/index.js';
import { createServer } from '../src/server/createServer.js';

async function main() {
  const conn = await ensureNeo4j({ NEO4J_URI: process.env.NEO4J_URI, NEO4J_USER: process.env.NEO4J_USER, NEO4J_PASSWORD: process.env.NEO4J_PASSWORD });
  const driver = createDriver({ uri: conn.uri, user: conn.user, password: conn.password });
  await applySchema(driver);
  if (((await countGraph(driver)).labels.Entity ?? 0) === 0) await loadDataset(driver, toGraphRows(await readDataset()));
  const executor = createExecutor(driver, await loadQueries(), { queryTimeoutMs: 60_000 });
  const server = await createServer({
    config: { host: '127.0.0.1', port: 0, production: false, introspection: true, corsOrigins: [], bodyLimit: '100kb' },
    executor, log: createLogger('silent'),
  });
  const gql = async (query: string) => {
    const res = await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { data: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  try {
    const { sources } = await gql('{ sources { id asOf knownFrom } }');
    const { records } = await driver.executeQuery(`
      UNWIND $days AS day
      CALL (day) {
        MATCH (s:Source) WHERE s.knownFrom <= date(day) WITH collect(s.id) AS admitted
        RETURN admitted,
          COUNT { MATCH (n:Entity) WHERE any(x IN n.knownIn WHERE x IN admitted) } AS entities,
          COUNT { MATCH (n:Event) WHERE any(x IN n.knownIn WHERE x IN admitted) } AS events,
          COUNT { MATCH (:Entity)-[r]->(:Entity) WHERE any(x IN r.knownIn WHERE x IN admitted) } AS links,
          COUNT { MATCH (c:Claim) WHERE any(x IN c.knownIn WHERE x IN admitted) } AS figures
      }
      RETURN day, admitted, entities, events, links, figures ORDER BY day`, { days: [...new Set(sources.map((s: any) => s.knownFrom))].sort() });
    console.log('\n| asOf | documents admitted | entities | events | links | figures |\n|---|---|---|---|---|---|');
    for (const r of records) console.log(`| ${r.get('day')} | ${(r.get('admitted') as string[]).sort().join(', ')} | ${r.get('entities')} | ${r.get('events')} | ${r.get('links')} | ${r.get('figures')} |`);

    // Civilians killed in all, and the article's SOHR series, as known on each document's date and
    // on the last day before the later revision (doc-000) counts.
    const days = [...new Set([...sources.map((s: any) => s.knownFrom as string), '2025-03-31'])].sort();
    console.log('\n| asOf | civilians killed: low | best | high | infobox (the conflict) | SOHR, attacks on Alawite civilians |\n|---|---|---|---|---|---|');
    const series = async (d: string, event: string) => (await gql(`{ figureHistory(event: "${event}", measure: "killed", victims: "civilians", asOf: "${d}") {
      figure source { id } } }`)).figureHistory.map((c: any) => `${c.figure} (${c.source.id})`).join(' → ');
    for (const d of days) {
      const t = (await gql(`{ casualties(groupBy: month, victims: ["civilians"], asOf: "${d}") { total { low best high highOpen } } }`)).casualties.total;
      const infobox = await series(d, 'Western Syria clashes');
      const sohr = await series(d, 'Attacks against mainly Alawite civilians and former security personnel in Western Syria');
      console.log(`| ${d} | ${t.low ?? ''} | ${t.best ?? ''} | ${t.high ?? ''}${t.highOpen ? '+' : ''} | ${infobox} | ${sohr} |`);
    }

    const { casualties } = await gql(`{ casualties(groupBy: month, victims: ["civilians"]) {
      buckets { key spans events low best high highOpen bestRule claimants documents }
      total { low best high highOpen bestRule claimants documents } } }`);
    console.log('\n| month | events | low | best | high | claimants | documents | rule |\n|---|---|---|---|---|---|---|---|');
    for (const b of [...casualties.buckets, { key: '**total**', events: '', ...casualties.total }]) {
      const hi = b.high === null ? '' : `${b.high}${b.highOpen ? '+' : ''}`;
      console.log(`| ${b.key} | ${b.events} | ${b.low ?? ''} | ${b.best ?? ''} | ${hi} | ${b.claimants.join('; ')} | ${b.documents} | ${b.bestRule} |`);
    }

    console.log('\n| export | rows | bytes | ms |\n|---|---|---|---|');
    for (const f of FORMAT_NAMES) {
      let bytes = 0;
      const sink = new Writable({ write(chunk, _enc, cb) { bytes += chunk.length; cb(); } });
      const r = await runExport(executor, f, {}, sink);
      console.log(`| ${f} | ${[r.nodes, r.relationships, r.events].filter((x) => x !== undefined).join(' + ')} | ${bytes} | ${r.ms} |`);
    }
  } finally {
    await server.close();
    await driver.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
