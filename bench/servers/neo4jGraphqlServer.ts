/**
 * Child process: @neo4j/graphql v7 serving the same database, with type definitions for the same
 * model (bench/servers/neo4jGraphqlTypeDefs.ts), behind the same HTTP stack as this API
 * (Express 5 + Apollo Server 5 + express5 integration), so the difference measured is the GraphQL
 * layer and the Cypher it generates. Prints `{"url": …}` when it listens.
 * Env: BENCH_NEO4J_URI, BENCH_NEO4J_USER, BENCH_NEO4J_PASSWORD.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j from 'neo4j-driver';
import { typeDefs } from './neo4jGraphqlTypeDefs.js';

const driver = neo4j.driver(process.env.BENCH_NEO4J_URI!, neo4j.auth.basic(process.env.BENCH_NEO4J_USER ?? 'neo4j', process.env.BENCH_NEO4J_PASSWORD!), {
  maxConnectionPoolSize: 100,
});
const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();
const app = express();
const httpServer = http.createServer(app);
const apollo = new ApolloServer({ schema, introspection: process.env.BENCH_INTROSPECTION === '1' });
await apollo.start();
app.use('/graphql', express.json({ limit: '100kb' }), expressMiddleware(apollo, { context: async () => ({}) }));
httpServer.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql` })}\n`);
});
process.on('SIGTERM', () => {
  void apollo.stop().then(() => driver.close()).finally(() => process.exit(0));
});
