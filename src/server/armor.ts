/**
 * Query limits. graphql-armor (a maintained library rather than home-made visitors) enforces
 * depth, aliases and directives as validation rules, so rejections are GRAPHQL_VALIDATION_FAILED
 * with status 400, and masks field suggestions in production.
 *
 * The cost limit is not graphql-armor's: its rule weighs nodes (not bytes), sees no variable
 * values or defaults, and weighs `first: null` as 1 — each was a way around it. ./costLimit.ts
 * weighs the operation as it will execute instead (graphql-query-complexity, with the model in
 * ./costModel.ts). The token limit is graphql-js's own parser option `maxTokens` (set in
 * createServer): armor's token plugin throws inside an Apollo hook, which answers a 500.
 * The numbers allow every query in the README and tests/int with room to spare.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Admission } from './admission.js';
import { costLimitPlugin } from './costLimit.js';

/** The query limits (see ARMOR_LIMITS). */
export interface ArmorLimits {
  maxDepth: number;
  /** Largest cost (./costModel.ts: estimated bytes of the answer plus database work). */
  maxCost: number;
  /** From this cost on a request is heavy: it waits for one of few heavy slots (./admission.ts). */
  heavyCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
}

/** The limits in force; README and tests quote them from here. */
export const ARMOR_LIMITS: ArmorLimits = {
  maxDepth: 10,
  maxCost: 100_000_000,
  heavyCost: 2_000_000,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
};

/** Apollo plugins and validation rules enforcing `limits`. */
export function createArmor(production: boolean, limits: ArmorLimits = ARMOR_LIMITS, admission?: { admission: Admission; clientOf: (context: object) => string }) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    costLimit: { enabled: false }, // see above: ./costLimit.ts
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
  const all = [...(plugins as unknown as ApolloServerPlugin<any>[]), costLimitPlugin({ maxCost: limits.maxCost, heavyCost: limits.heavyCost, ...admission })];
  return { plugins: all, validationRules };
}
