import { createGraphQLRequest, createSessionEndpoints } from '../../../shared/api/transport';
import { createFakeApi, type FakeApi } from '../../../shared/testing/fake-api';
import { AuthSession, type CrossTabLock } from './session';
import { TokenStore } from './token-store';

function sessionOn(api: FakeApi, now: () => number = () => 0, lock?: CrossTabLock) {
  const tokens = new TokenStore(now);
  const session = new AuthSession({
    tokens,
    request: createGraphQLRequest(api.fetch),
    endpoints: createSessionEndpoints(api.fetch),
    lock,
  });
  return { tokens, session };
}

function setup(options: Parameters<typeof createFakeApi>[0] = {}) {
  const api = createFakeApi(options);
  let now = 0;
  const { tokens, session } = sessionOn(api, () => now);
  return { api, tokens, session, advance: (ms: number) => (now += ms) };
}

describe('AuthSession', () => {
  it('logs in: the access token in memory, the refresh token in the cookie only', async () => {
    const { session, tokens, api } = setup();
    expect(session.status).toBe('anonymous');
    await session.login('liucheng.admin', 'Demo#2026');
    expect(session.status).toBe('authenticated');
    expect(tokens.accessToken).toBe('access-1');
    expect(api.cookie()).toBe('refresh-1');
    await expect(session.getAccessToken()).resolves.toBe('access-1');
  });

  it('rejects wrong credentials and stays signed out', async () => {
    const { session } = setup();
    await expect(session.login('liucheng.admin', 'nope')).rejects.toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(session.status).toBe('anonymous');
  });

  it('refreshes with the cookie before sending when the access token is about to expire', async () => {
    const { session, api, advance } = setup({ expiresIn: 300 });
    await session.login('liucheng.admin', 'Demo#2026');
    advance(290_000);
    await expect(session.getAccessToken()).resolves.toBe('access-2');
    expect(api.count('/auth/refresh')).toBe(1);
    expect(api.cookie()).toBe('refresh-2'); // rotated
  });

  it('restores a session after a reload from the cookie', async () => {
    const { session, api } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    const reloaded = sessionOn(api).session;
    expect(reloaded.status).toBe('anonymous');
    await reloaded.restore();
    expect(reloaded.status).toBe('authenticated');
    await expect(reloaded.getAccessToken()).resolves.toBe('access-2');
    expect(api.cookie()).toBe('refresh-2');
  });

  it('on a first visit (no cookie) restores nothing and says nothing expired', async () => {
    const api = createFakeApi();
    const { session } = sessionOn(api);
    await session.restore();
    expect(session.status).toBe('anonymous');
    expect(session.lastEndReason).toBeNull();
  });

  it('stays tentatively signed in when the server does not answer on start', async () => {
    const { session, api } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    api.setMode('down');
    const reloaded = sessionOn(api).session;
    await reloaded.restore();
    expect(reloaded.status).toBe('authenticated');
    api.setMode('up');
    await expect(reloaded.getAccessToken()).resolves.toBe('access-2');
  });

  it('concurrent refreshes share one call (single-flight), so rotation does not break', async () => {
    const { session, api, advance } = setup({ refreshDelayMs: 20 });
    await session.login('liucheng.admin', 'Demo#2026');
    advance(10_000_000);
    const tokens = await Promise.all([
      session.getAccessToken(),
      session.getAccessToken(),
      session.renewAfterRejection('access-1'),
    ]);
    expect(tokens).toEqual(['access-2', 'access-2', 'access-2']);
    expect(api.count('/auth/refresh')).toBe(1);
    expect(session.status).toBe('authenticated');
  });

  it('does not refresh again for a rejection of a token that was already replaced', async () => {
    const { session, api } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    await expect(session.renewAfterRejection('access-1')).resolves.toBe('access-2');
    await expect(session.renewAfterRejection('access-1')).resolves.toBe('access-2');
    expect(api.count('/auth/refresh')).toBe(1);
  });

  it('ends the session when the refresh cookie is rejected', async () => {
    const { session, api } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    api.revokeSessions();
    const listener = jest.fn();
    session.subscribe(listener);
    await expect(session.renewAfterRejection('access-1')).rejects.toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(session.status).toBe('anonymous');
    expect(session.lastEndReason).toBe('expired');
    expect(listener).toHaveBeenCalled();
  });

  it('keeps the session when the server cannot be reached during a refresh', async () => {
    const { session, api } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    api.setMode('down');
    await expect(session.renewAfterRejection('access-1')).rejects.toMatchObject({
      name: 'NetworkError',
    });
    expect(session.status).toBe('authenticated');
    api.setMode('up');
    await expect(session.renewAfterRejection('access-1')).resolves.toBe('access-2');
  });

  it('logs out at /auth/logout with the cookie alone (no access token needed)', async () => {
    const { session, api, advance } = setup({ expiresIn: 60 });
    await session.login('liucheng.admin', 'Demo#2026');
    advance(120_000); // the access token has expired: no refresh needed to log out
    await session.logout();
    expect(api.calls.at(-1)).toMatchObject({ operation: '/auth/logout', authorization: null });
    expect(api.count('/auth/refresh')).toBe(0);
    expect(api.cookie()).toBeNull();
    expect(session.status).toBe('anonymous');
    expect(session.lastEndReason).toBe('loggedOut');
  });

  it('a session ended in another tab ends here without a server call', async () => {
    const { session, api } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    const calls = api.calls.length;
    session.endedElsewhere();
    expect(session.status).toBe('anonymous');
    expect(api.calls).toHaveLength(calls);
  });

  it('logs out locally even when the server cannot be reached', async () => {
    const { session, api } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    api.setMode('down');
    await session.logout();
    expect(session.status).toBe('anonymous');
  });

  it('without a session, requests go out anonymously', async () => {
    const { session, api } = setup();
    await expect(session.getAccessToken()).resolves.toBeNull();
    expect(api.calls).toHaveLength(0);
  });

  it('serialises refreshes through the cross-tab lock; the newest cookie goes out in it', async () => {
    const api = createFakeApi();
    const order: string[] = [];
    const lock: CrossTabLock = async (task) => {
      order.push('lock');
      // Meanwhile another tab rotated the cookie: the refresh must present the new one.
      api.rotateCookie();
      return task();
    };
    const { session } = sessionOn(api, () => 0, lock);
    await session.login('liucheng.admin', 'Demo#2026');
    await expect(session.renewAfterRejection('access-1')).resolves.toBe('access-3');
    expect(order).toEqual(['lock']);
    expect(session.status).toBe('authenticated');
  });

  it('completes a setup link: the invited person is signed in', async () => {
    const { session, tokens, api } = setup();
    const changes: string[] = [];
    session.subscribe(() => changes.push(session.status));
    await session.completeSetup('good-setup-token', 'long enough password');
    expect(session.status).toBe('authenticated');
    expect(tokens.accessToken).toBe('access-1');
    expect(api.cookie()).toBe('refresh-1');
    expect(changes).toEqual(['authenticated']);
    expect(api.calls.at(-1)?.variables).toEqual({
      input: { token: 'good-setup-token', password: 'long enough password' },
    });
  });

  it('a used or unknown setup link is refused and nobody is signed in', async () => {
    const { session } = setup();
    await session.completeSetup('good-setup-token', 'long enough password');
    await session.logout();
    await expect(
      session.completeSetup('good-setup-token', 'long enough password'),
    ).rejects.toMatchObject({ errors: [{ message: 'This setup link has already been used' }] });
    await expect(session.completeSetup('bogus', 'long enough password')).rejects.toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
    });
    expect(session.status).toBe('anonymous');
  });

  it('ends a session already open in this browser before taking the new one', async () => {
    const { session, api, tokens } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    const changes: string[] = [];
    session.subscribe(() => changes.push(session.status));
    await session.completeSetup('good-setup-token', 'long enough password');
    // The old session ends by its access token; the new one's cookie stays.
    expect(api.calls.map((c) => c.operation)).toEqual(['Login', 'CompleteSetup', 'Logout']);
    expect(api.calls.at(-1)?.authorization).toBe('Bearer access-1');
    expect(changes).toEqual(['anonymous', 'authenticated']);
    expect(tokens.accessToken).toBe('access-2');
    expect(api.cookie()).toBe('refresh-2');
    expect(session.lastEndReason).toBeNull();
  });

  it('a refused setup leaves an open session alone', async () => {
    const { session, tokens } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    await expect(session.completeSetup('bogus', 'long enough password')).rejects.toBeDefined();
    expect(tokens.accessToken).toBe('access-1');
  });
});
