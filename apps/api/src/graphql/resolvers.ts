import { CATALOG_RESOLVERS } from '@tongban/catalog';
import { TENANCY_RESOLVERS } from '@tongban/tenancy';
import { WORKFLOW_RESOLVERS } from '@tongban/workflow';
import { INSIGHTS_RESOLVERS } from '@tongban/insights';

/** Every GraphQL resolver class of the API, for the schema printer and the permission list. */
export const ALL_RESOLVERS = [
  ...TENANCY_RESOLVERS,
  ...CATALOG_RESOLVERS,
  ...WORKFLOW_RESOLVERS,
  ...INSIGHTS_RESOLVERS,
];
