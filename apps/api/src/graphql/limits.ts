import { ApolloArmor } from '@escape.tech/graphql-armor';

export interface GraphQLLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
}

/**
 * Limits on what one GraphQL document may ask: depth, cost, aliases and directives
 * (graphql-armor) and tokens (graphql-js's own parser, which answers a clean 400; armor's
 * parser plugin turns a plain syntax error into a 500). In production field suggestions
 * ("did you mean …") are not given either, so the schema cannot be read through errors.
 */
export function graphqlLimits(limits: GraphQLLimits, production: boolean) {
  const protection = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    costLimit: { maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { enabled: false },
    maxDirectives: { n: 10 },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    plugins: protection.plugins,
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
