import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { createAuthLink, type LinkSession } from './auth-link';

export interface CreateClientOptions {
  session: LinkSession;
  /** Same-origin endpoint: the API serves the admin app, and the dev server proxies it. */
  uri?: string;
  fetch?: typeof fetch;
}

export function createApolloClient({ session, uri = '/graphql', fetch }: CreateClientOptions) {
  return new ApolloClient({
    link: ApolloLink.from([
      createAuthLink(session),
      new HttpLink({ uri, credentials: 'same-origin', ...(fetch ? { fetch } : {}) }),
    ]),
    cache: new InMemoryCache({
      typePolicies: {
        // A person's membership of a tenant (no `id` of its own).
        StaffMember: { keyFields: ['tenantId', 'userId'] },
        // Replaced as a whole whenever a tenant is read again.
        OnboardingChecklistModel: { merge: true },
        // What the user may do on a tenant: the list asks for part of it, the detail for more.
        TenantPermissions: { merge: true },
      },
    }),
  });
}
