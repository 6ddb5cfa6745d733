import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createGraphQLRequest, createSessionEndpoints } from './shared/api/transport';
import { App } from './app/App';
import { enableAntdOnReact19 } from './app/antd-react19';
import { AuthSession, type CrossTabLock } from './features/auth/session/session';
import { TokenStore } from './features/auth/session/token-store';
import { type KeyValueStorage, memoryStorage } from './shared/storage/key-value-storage';
import { setUpI18n } from './shared/i18n';
import './styles.css';

function browserStorage(): KeyValueStorage {
  try {
    const probe = '__tongban_probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStorage();
  }
}

/** Serialises token refreshes across the app's tabs (refresh tokens are single-use). */
const crossTabLock: CrossTabLock = async (task) =>
  typeof navigator !== 'undefined' && navigator.locks
    ? await navigator.locks.request('tongban.auth.refresh', () => task())
    : task();

/**
 * The tabs of the app share one refresh cookie, so they share the session: one that ends in
 * a tab (logout, expiry) ends in the others, and one that starts in a tab (a login, maybe as
 * someone else) replaces theirs, dropping what they had cached for the previous person.
 */
function shareSession(session: AuthSession): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel('tongban.auth');
  let quiet = false; // while following another tab, say nothing back
  channel.onmessage = (event) => {
    quiet = true;
    if (session.status === 'authenticated') session.endedElsewhere();
    const follow = event.data === 'started' ? session.restore() : Promise.resolve();
    void follow.finally(() => {
      quiet = false;
    });
  };
  let last = session.status;
  session.subscribe(() => {
    if (session.status === last) return;
    last = session.status;
    if (!quiet) channel.postMessage(last === 'anonymous' ? 'ended' : 'started');
  });
}

async function start() {
  enableAntdOnReact19();
  const fetchFn = (url: string, init: RequestInit) => fetch(url, init);
  const session = new AuthSession({
    tokens: new TokenStore(),
    request: createGraphQLRequest(fetchFn),
    endpoints: createSessionEndpoints(fetchFn),
    lock: crossTabLock,
  });
  // The language, and the session the refresh cookie may name, before the first screen.
  await Promise.all([setUpI18n(browserStorage(), navigator.languages ?? []), session.restore()]);
  shareSession(session); // after picking up the session: that is no news to the other tabs

  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App session={session} />
    </StrictMode>,
  );
}

void start();
