import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApolloClient } from './shared/api/client';
import { createGraphQLRequest } from './shared/api/transport';
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

async function start() {
  enableAntdOnReact19();
  const storage = browserStorage();
  await setUpI18n(storage);

  const tokens = new TokenStore(storage);
  window.addEventListener('storage', (event) => {
    if (event.storageArea === window.localStorage)
      tokens.onExternalChange(event.key, event.newValue);
  });
  const session = new AuthSession({
    tokens,
    request: createGraphQLRequest((url, init) => fetch(url, init)),
    lock: crossTabLock,
  });
  const client = createApolloClient({ session });
  // Whatever ends a session (logout, expiry, another tab) also drops the cached data.
  session.subscribe(() => {
    if (session.status === 'anonymous') void client.clearStore().catch(() => undefined);
  });

  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App session={session} client={client} />
    </StrictMode>,
  );
}

void start();
