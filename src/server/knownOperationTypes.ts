/**
 * Validation rule: an operation whose root type the schema lacks (this API has no Mutation and no
 * Subscription) is a validation error (400 GRAPHQL_VALIDATION_FAILED). graphql-js 16 only finds
 * out while executing, and its plain error then leaves as INTERNAL_SERVER_ERROR. graphql-js 17
 * ships the same check as `KnownOperationTypesRule`.
 */
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

export function KnownOperationTypesRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (!schema.getRootType(node.operation)) {
        context.reportError(
          new GraphQLError(`This API is read-only: it has no ${node.operation} operations, only queries.`, { nodes: node }),
        );
      }
    },
  };
}
