/**
 * Query limits from graphql-armor (a maintained library rather than home-made visitors): depth,
 * cost, aliases, directives and tokens. Rejections surface as GRAPHQL_VALIDATION_FAILED (depth,
 * cost, aliases, directives) or GRAPHQL_PARSE_FAILED (tokens). The numbers allow every query in
 * the README and tests/int with room to spare; a query beyond them is abuse or a mistake.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';

export const ARMOR_LIMITS = {
  maxDepth: 10,
  maxCost: 5_000,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
} as const;

export function createArmor(production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: ARMOR_LIMITS.maxDepth, ignoreIntrospection: true },
    costLimit: { maxCost: ARMOR_LIMITS.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true },
    maxAliases: { n: ARMOR_LIMITS.maxAliases },
    maxDirectives: { n: ARMOR_LIMITS.maxDirectives },
    maxTokens: { n: ARMOR_LIMITS.maxTokens },
    // "Did you mean …?" helps developers and also maps a hidden schema for attackers.
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  // graphql-armor's typings point at Apollo's CJS build and ours at the ESM one; the objects are
  // plain hook maps with no runtime dependency on either, so the cast is only about declarations.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- context-agnostic plugins
  return { plugins: plugins as unknown as ApolloServerPlugin<any>[], validationRules };
}
