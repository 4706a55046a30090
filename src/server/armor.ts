/**
 * Query limits from graphql-armor (a maintained library rather than home-made visitors): depth,
 * cost (which multiplies a selection's cost by its `first` argument), aliases and directives, all
 * as validation rules, so rejections are GRAPHQL_VALIDATION_FAILED with status 400.
 *
 * Two gaps of the library's Apollo integration are closed here:
 * - Validation sees no variable values, so `relations(first: $n)` would escape the cost
 *   multiplier, and it weighs an omitted `first` as 1 although the resolver then serves the
 *   schema's default (`relations` alone would cost a hundredth of `relations(first: 100)`).
 *   A plugin re-runs the same cost rule once the variables are known, on the document with the
 *   `first`/`last` variables written in as literals and omitted ones as their schema defaults.
 * - Its token-limit plugin re-parses inside an Apollo hook and throws there, which Apollo answers
 *   with a 500 for every syntax error; graphql-js's own parser option `maxTokens` (set in
 *   createServer) does the same job with GRAPHQL_PARSE_FAILED.
 * The numbers allow every query in the README and tests/int with room to spare.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule, type CostLimitOptions } from '@escape.tech/graphql-armor-cost-limit';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  astFromValue,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
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

const PAGE_SIZE_ARGS = new Set(['first', 'last']);

/**
 * The document as the resolvers will see its page sizes: integer `first`/`last` variables
 * replaced by their values, and omitted `first`/`last` arguments that have a schema default
 * written in with it. Returns `document` itself when nothing needed writing in.
 */
export function inlinePageSizes(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        if (!field) return undefined;
        const given = new Set((node.arguments ?? []).map((a) => a.name.value));
        const defaults: ArgumentNode[] = [];
        for (const arg of field.args) {
          if (!PAGE_SIZE_ARGS.has(arg.name) || given.has(arg.name) || arg.defaultValue === undefined) continue;
          const value = astFromValue(arg.defaultValue, arg.type);
          if (value) defaults.push({ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: arg.name }, value });
        }
        return defaults.length === 0 ? undefined : { ...node, arguments: [...(node.arguments ?? []), ...defaults] };
      },
      Argument(node) {
        if (!PAGE_SIZE_ARGS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
        const v = variables[node.value.name.value];
        if (typeof v !== 'number' || !Number.isInteger(v)) return undefined;
        return { ...node, value: { kind: Kind.INT, value: String(v) } };
      },
    }),
  );
}

/** Whether any `first`/`last` argument of the document is given as a variable. */
function hasPageSizeVariables(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Argument(node) {
      if (PAGE_SIZE_ARGS.has(node.name.value) && node.value.kind === Kind.VARIABLE) found = true;
    },
  });
  return found;
}

/** Re-checks the cost with the request's variables and the schema's defaults (see the module comment). */
function costWithVariablesPlugin(limits: ArmorLimits): ApolloServerPlugin {
  /** The cost rule's complaint about `document`, or null when it is within the limit. */
  const complaint = (schema: GraphQLSchema, document: DocumentNode): string | null => {
    let rejection: GraphQLError | undefined;
    const rule = costLimitRule({ ...costOptions(limits), propagateOnRejection: false, onReject: [(_ctx, err) => (rejection ??= err)] });
    validate(schema, document, [rule]);
    return rejection?.message ?? null;
  };
  // Apollo hands over the same DocumentNode for the same query text (its parsed-document cache),
  // so what does not depend on variables is worked out once per document, not per request.
  const variableSized = new WeakMap<DocumentNode, boolean>();
  const verdicts = new WeakMap<DocumentNode, string | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          let message: string | null;
          let perRequest = variableSized.get(document);
          if (perRequest === undefined) variableSized.set(document, (perRequest = hasPageSizeVariables(document)));
          if (perRequest) {
            const resolved = inlinePageSizes(schema, document, request.variables ?? {});
            message = resolved === document ? null : complaint(schema, resolved);
          } else {
            message = verdicts.get(document) ?? null;
            if (!verdicts.has(document)) {
              const resolved = inlinePageSizes(schema, document, {});
              // Unchanged: validation already weighed exactly this document.
              message = resolved === document ? null : complaint(schema, resolved);
              verdicts.set(document, message);
            }
          }
          if (message) {
            throw new GraphQLError(message, { extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } } });
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
