import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { AuthSession, SessionStatus } from '../session/session';

const SessionContext = createContext<AuthSession | null>(null);

export function SessionProvider({
  session,
  children,
}: {
  session: AuthSession;
  children: ReactNode;
}) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): AuthSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionProvider>');
  return session;
}

/** Re-renders when the user signs in or out (or the session expires). */
export function useSessionStatus(): SessionStatus {
  const session = useSession();
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.status,
  );
}
