import { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

/**
 * The schema has no subscriptions: a `subscription` operation is refused while the document
 * is validated (a client's mistake, 400), instead of reaching graphql-js's executor, whose
 * "Schema is not configured to execute subscription operation" came out as an internal error.
 */
export const NoSubscriptions: ValidationRule = (context: ValidationContext) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') {
      context.reportError(
        new GraphQLError('Subscriptions are not offered by this API', { nodes: [node] }),
      );
    }
  },
});
