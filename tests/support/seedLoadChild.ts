/**
 * Child process for tests/int/reliability/loadKilled.test.ts: loads the curated seed, every
 * entity renamed, in loadDataset's one transaction; once every write is done and only the commit
 * is left, it prints `pending` and waits, so the test can SIGKILL it with the transaction open.
 *
 *   NEO4J_URI=… NEO4J_PASSWORD=… node --import tsx tests/support/seedLoadChild.ts
 */
import neo4j from 'neo4j-driver';
import { loadDataset, readDataset, toGraphRows, type GraphRows } from '../../src/seed/index.js';

const uri = process.env.NEO4J_URI;
if (!uri) throw new Error('NEO4J_URI is required');
const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER || 'neo4j', process.env.NEO4J_PASSWORD ?? ''));
const rows = toGraphRows(await readDataset());
const changed: GraphRows = {
  ...rows,
  entities: rows.entities.map((e) => ({ ...e, props: { ...e.props, name: `${String(e.props.name)} (changed)` } })),
};
try {
  await loadDataset(driver, changed, {
    beforeCommit: async () => {
      process.stdout.write('pending\n');
      await new Promise((resolve) => setTimeout(resolve, 120_000));
    },
  });
  process.stdout.write('committed\n');
} finally {
  await driver.close();
}
