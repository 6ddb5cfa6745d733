/**
 * Everything behind the login: Apollo Client and the shell, loaded as their own chunk so the
 * login page does not carry them.
 */
import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { createApolloClient } from '../shared/api/client';
import type { Route } from '../shared/navigation/routes';
import type { AuthSession } from '../features/auth/session/session';
import { useSession } from '../features/auth/hooks/session-context';
import { Shell } from './Shell';

let shared: { session: AuthSession; client: ApolloClient } | null = null;

/** One client per page; whatever ends a session (logout, expiry, another tab) drops its cache. */
function clientFor(session: AuthSession): ApolloClient {
  if (shared?.session !== session) {
    const client = createApolloClient({ session });
    session.subscribe(() => {
      if (session.status === 'anonymous') void client.clearStore().catch(() => undefined);
    });
    shared = { session, client };
  }
  return shared.client;
}

export default function SignedIn({ route }: { route: Route }) {
  const session = useSession();
  return (
    <ApolloProvider client={clientFor(session)}>
      <Shell route={route} />
    </ApolloProvider>
  );
}
