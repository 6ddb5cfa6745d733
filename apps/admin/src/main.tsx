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

/** A session ended in one tab (logout, expiry) ends in the others too. */
function shareSessionEnd(session: AuthSession): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel('tongban.auth');
  let quiet = false;
  channel.onmessage = (event) => {
    if (event.data !== 'ended' || session.status === 'anonymous') return;
    quiet = true;
    session.endedElsewhere();
    quiet = false;
  };
  session.subscribe(() => {
    if (session.status === 'anonymous' && !quiet) channel.postMessage('ended');
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
  shareSessionEnd(session);
  // The language, and the session the refresh cookie may name, before the first screen.
  await Promise.all([setUpI18n(browserStorage(), navigator.languages ?? []), session.restore()]);

  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App session={session} />
    </StrictMode>,
  );
}

void start();
