import { defineConfig } from 'vitest/config';
import SummaryReporter from './tests/support/summaryReporter.js';

/**
 * Two projects, so `npm test` runs both and each can run alone (`--project unit|int`):
 * - unit: tests/unit, no database, files in parallel.
 * - int:  tests/int, against a throw-away Neo4j that tests/support/globalSetup.ts starts (with the
 *   seed loaded) and stops. Files run one at a time: they share one database, some tests write to
 *   it, and on 2 cores the JVM needs the other core anyway.
 */
/**
 * Load `graphql` from the file Node itself resolves (its CommonJS build), as Apollo Server and
 * graphql-armor do. Left to Vite, src/ would get the ESM build (`module` field): two graphql
 * instances, and "Cannot use GraphQLSchema from another module or realm" when our code calls
 * graphql functions on Apollo's schema. In production there is only one instance.
 */
const oneGraphql = { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] };

export default defineConfig({
  test: {
    teardownTimeout: 90_000, // stopping Neo4j checkpoints the store
    reporters: ['default', new SummaryReporter()],
    projects: [
      {
        resolve: oneGraphql,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: oneGraphql,
        test: {
          name: 'int',
          include: ['tests/int/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
