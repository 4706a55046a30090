/**
 * Query limits from graphql-armor (a maintained library rather than home-made visitors): depth,
 * cost (which multiplies a selection's cost by its `first` argument), aliases and directives, all
 * as validation rules, so rejections are GRAPHQL_VALIDATION_FAILED with status 400.
 *
 * Two gaps of the library's Apollo integration are closed here:
 * - Validation sees no variable values, so `relations(first: $n)` would escape the cost
 *   multiplier. A plugin re-runs the same cost rule once the variables are known, with the
 *   `first`/`last` variables written into the document as literals.
 * - Its token-limit plugin re-parses inside an Apollo hook and throws there, which Apollo answers
 *   with a 500 for every syntax error; graphql-js's own parser option `maxTokens` (set in
 *   createServer) does the same job with GRAPHQL_PARSE_FAILED.
 * The numbers allow every query in the README and tests/int with room to spare.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule, type CostLimitOptions } from '@escape.tech/graphql-armor-cost-limit';
import { GraphQLError, Kind, validate, visit, type DocumentNode } from 'graphql';
import { ErrorCode } from '../errors/index.js';

/** The query limits (see ARMOR_LIMITS). */
export interface ArmorLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
}

/** The limits in force; README and tests quote them from here. */
export const ARMOR_LIMITS: ArmorLimits = {
  maxDepth: 10,
  maxCost: 100_000,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
};

function costOptions(limits: ArmorLimits): CostLimitOptions {
  return { maxCost: limits.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true, exposeLimits: true };
}

/** The document with integer `first`/`last` variables replaced by their values. */
export function inlinePageSizes(document: DocumentNode, variables: Record<string, unknown>): DocumentNode {
  return visit(document, {
    Argument(node) {
      if ((node.name.value !== 'first' && node.name.value !== 'last') || node.value.kind !== Kind.VARIABLE) return undefined;
      const v = variables[node.value.name.value];
      if (typeof v !== 'number' || !Number.isInteger(v)) return undefined;
      return { ...node, value: { kind: Kind.INT, value: String(v) } };
    },
  });
}

/** Re-checks the cost with the request's variables (see the module comment). */
function costWithVariablesPlugin(limits: ArmorLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          if (!request.variables || Object.keys(request.variables).length === 0) return;
          let rejection: GraphQLError | undefined;
          const rule = costLimitRule({ ...costOptions(limits), propagateOnRejection: false, onReject: [(_ctx, err) => (rejection ??= err)] });
          validate(schema, inlinePageSizes(document, request.variables), [rule]);
          if (rejection) {
            throw new GraphQLError(rejection.message, { extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } } });
          }
        },
      };
    },
  };
}

/** Apollo plugins and validation rules enforcing `limits`. */
export function createArmor(production: boolean, limits: ArmorLimits = ARMOR_LIMITS) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    costLimit: costOptions(limits),
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false }, // see above: enforced by the parser instead
    // "Did you mean …?" helps developers and also maps a hidden schema for attackers.
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  // graphql-armor's typings point at Apollo's CJS build and ours at the ESM one; the objects are
  // plain hook maps with no runtime dependency on either, so the cast is only about declarations.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- context-agnostic plugins
  const all = [...(plugins as unknown as ApolloServerPlugin<any>[]), costWithVariablesPlugin(limits)];
  return { plugins: all, validationRules };
}
