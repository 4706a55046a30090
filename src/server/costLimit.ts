/**
 * The cost limit, on the operation as it will execute: graphql-query-complexity walks the
 * document with the request's variables coerced by graphql-js (`getVariableValues`: defaults
 * applied, so `query($n: Int = 500)` weighs 500) and each field's arguments coerced as the
 * resolvers receive them (`getArgumentValues`: `first: null` is null, which `pageSize` turns into
 * the default, as it does for the resolver). src/server/costModel.ts says what each field weighs.
 *
 * It runs once the operation is resolved (an Apollo plugin, not a validation rule, because
 * validation sees no variables), before any resolver: a refusal is GRAPHQL_VALIDATION_FAILED with
 * status 400, and nothing has run.
 * The same hook then admits the operation through admission control (./admission.ts).
 */
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, getOperationAST, getVariableValues, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { ErrorCode } from '../errors/index.js';
import type { Admission, Ticket } from './admission.js';
import { bytesEstimator } from './costModel.js';

/**
 * The cost of `document`'s operation with `variables`, or null when the variables do not coerce
 * (execution then refuses them with BAD_USER_INPUT before any resolver runs).
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string | null): number | null {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return null;
  return getComplexity({
    schema,
    query: document,
    variables,
    estimators: [bytesEstimator],
    ...(operation.name ? { operationName: operation.name.value } : {}),
    // Fragments spread many times are walked each time; this bounds the walk (the token limit
    // bounds the document, not what fragment spreads multiply it into).
    maxQueryNodes: 20_000,
  });
}

/** What the cost limit plugin needs. */
export interface CostLimitOptions {
  maxCost: number;
  /** Operations costing at least this are heavy for admission control. */
  heavyCost: number;
  /** When given, each admitted operation holds a slot until its response is sent. */
  admission?: Admission;
  /** The client (remote address) of a request, by its context object. */
  clientOf?: (context: object) => string;
}

/**
 * Apollo plugin refusing operations that cost more than `maxCost`, then admitting the others
 * through `admission` (in this order, in one hook, so a refused operation never takes a slot).
 */
export function costLimitPlugin(opts: CostLimitOptions): ApolloServerPlugin {
  const refuse = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } } });
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<object>> {
      let ticket: Ticket | undefined;
      return {
        async didResolveOperation({ document, request, schema, contextValue }) {
          let cost: number | null;
          try {
            cost = operationCost(schema, document, request.variables ?? {}, request.operationName);
          } catch (err) {
            // maxQueryNodes, or a document the walk cannot weigh: refuse rather than run unweighed.
            throw refuse(`The query cannot be weighed within the limits: ${err instanceof Error ? err.message : String(err)}`);
          }
          if (cost !== null && cost > opts.maxCost) {
            throw refuse(`Query cost limit of ${opts.maxCost} exceeded, found ${Math.ceil(cost)}. The cost estimates the answer's size in bytes plus the database work; ask for smaller pages (first), fewer fields or a smaller depth.`);
          }
          // Unweighable variables: execution refuses them before any resolver runs; admit as heavy anyway.
          if (opts.admission) ticket = await opts.admission.admit(opts.clientOf?.(contextValue) ?? '', cost === null || cost >= opts.heavyCost);
        },
        async willSendResponse() {
          ticket?.release();
        },
      };
    },
  };
}
