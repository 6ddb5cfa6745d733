import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits on what one GraphQL document may ask (graphql-armor): depth, cost, aliases and directives,
 * and tokens (graphql-js); in production field suggestions ("did you mean …") are not given either,
 * so the schema cannot be read through error messages.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 8,
  maxCost: 5000,
  maxAliases: 15,
  maxTokens: 1500,
  maxDirectives: 10,
};

export function graphqlLimits(production: boolean) {
  const protection = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, flattenFragments: true },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    // Counted by graphql-js's own parser (parseOptions below), which reports a clean 400;
    // armor's parser plugin answers a plain syntax error with a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    plugins: protection.plugins,
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
  };
}
