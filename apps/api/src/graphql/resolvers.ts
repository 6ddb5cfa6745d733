import { TENANCY_RESOLVERS } from '@tongban/tenancy';

/** Every GraphQL resolver class of the API, for the schema printer and the permission list. */
export const ALL_RESOLVERS = [...TENANCY_RESOLVERS];
