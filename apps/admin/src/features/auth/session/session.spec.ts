import { createGraphQLRequest } from '../../../shared/api/transport';
import { createFakeApi, fakeStorage } from '../../../shared/testing/fake-api';
import { AuthSession } from './session';
import { REFRESH_TOKEN_KEY, TokenStore } from './token-store';

function setup(
  options: Parameters<typeof createFakeApi>[0] = {},
  stored: Record<string, string> = {},
) {
  const api = createFakeApi(options);
  const storage = fakeStorage(stored);
  let now = 0;
  const tokens = new TokenStore(storage, () => now);
  const session = new AuthSession({ tokens, request: createGraphQLRequest(api.fetch) });
  return { api, storage, tokens, session, advance: (ms: number) => (now += ms) };
}

describe('AuthSession', () => {
  it('logs in and keeps the tokens', async () => {
    const { session, tokens, storage } = setup();
    expect(session.status).toBe('anonymous');
    await session.login('liucheng.admin', 'Demo#2026');
    expect(session.status).toBe('authenticated');
    expect(tokens.accessToken).toBe('access-1');
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
    await expect(session.getAccessToken()).resolves.toBe('access-1');
  });

  it('rejects wrong credentials and stays signed out', async () => {
    const { session } = setup();
    await expect(session.login('liucheng.admin', 'nope')).rejects.toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(session.status).toBe('anonymous');
  });

  it('refreshes before sending when the access token is about to expire', async () => {
    const { session, api, advance, storage } = setup({ expiresIn: 300 });
    await session.login('liucheng.admin', 'Demo#2026');
    advance(290_000);
    await expect(session.getAccessToken()).resolves.toBe('access-2');
    expect(api.count('Refresh')).toBe(1);
    expect(api.calls.at(-1)?.variables).toEqual({ input: { refreshToken: 'refresh-1' } });
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2'); // rotated
  });

  it('restores a session after a reload from the stored refresh token', async () => {
    const { session, api } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    const storage = fakeStorage({ [REFRESH_TOKEN_KEY]: 'refresh-1' });
    const reloaded = new AuthSession({
      tokens: new TokenStore(storage),
      request: createGraphQLRequest(api.fetch),
    });
    expect(reloaded.status).toBe('authenticated');
    await expect(reloaded.getAccessToken()).resolves.toBe('access-2');
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');
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
    expect(api.count('Refresh')).toBe(1);
    expect(session.status).toBe('authenticated');
  });

  it('does not refresh again for a rejection of a token that was already replaced', async () => {
    const { session, api } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    await expect(session.renewAfterRejection('access-1')).resolves.toBe('access-2');
    await expect(session.renewAfterRejection('access-1')).resolves.toBe('access-2');
    expect(api.count('Refresh')).toBe(1);
  });

  it('ends the session when the refresh token is rejected', async () => {
    const { session, api, storage } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    api.revokeSessions();
    const listener = jest.fn();
    session.subscribe(listener);
    await expect(session.renewAfterRejection('access-1')).rejects.toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(session.status).toBe('anonymous');
    expect(session.lastEndReason).toBe('expired');
    expect(storage.values.size).toBe(0);
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

  it('logs out on the server with the access token and forgets the tokens', async () => {
    const { session, api, storage } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    await session.logout();
    expect(api.calls.at(-1)).toMatchObject({
      operation: 'Logout',
      authorization: 'Bearer access-1',
    });
    expect(session.status).toBe('anonymous');
    expect(session.lastEndReason).toBe('loggedOut');
    expect(storage.values.size).toBe(0);
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

  it('serialises refreshes through the cross-tab lock and reads the newest refresh token in it', async () => {
    const api = createFakeApi();
    const storage = fakeStorage();
    const order: string[] = [];
    const lock = async <T>(task: () => Promise<T>) => {
      order.push('lock');
      // Meanwhile another tab rotated the token: the session must present the new one.
      const rotated = await api.fetch('/graphql', {
        method: 'POST',
        body: JSON.stringify({
          query:
            'mutation Refresh($input: RefreshInput!) { refresh(input: $input) { refreshToken } }',
          variables: { input: { refreshToken: storage.getItem(REFRESH_TOKEN_KEY) } },
        }),
      });
      const body = (await rotated.json()) as { data: { refresh: { refreshToken: string } } };
      storage.setItem(REFRESH_TOKEN_KEY, body.data.refresh.refreshToken);
      return task();
    };
    const session = new AuthSession({
      tokens: new TokenStore(storage),
      request: createGraphQLRequest(api.fetch),
      lock,
    });
    await session.login('liucheng.admin', 'Demo#2026');
    await expect(session.renewAfterRejection('access-1')).resolves.toBe('access-3');
    expect(order).toEqual(['lock']);
    expect(session.status).toBe('authenticated');
  });

  it('completes a setup link: the invited person is signed in', async () => {
    const { session, tokens, storage, api } = setup();
    const changes: string[] = [];
    session.subscribe(() => changes.push(session.status));
    await session.completeSetup('good-setup-token', 'long enough password');
    expect(session.status).toBe('authenticated');
    expect(tokens.accessToken).toBe('access-1');
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
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
    expect(api.calls.map((c) => c.operation)).toEqual(['Login', 'CompleteSetup', 'Logout']);
    expect(changes).toEqual(['anonymous', 'authenticated']);
    expect(tokens.accessToken).toBe('access-2');
    expect(session.lastEndReason).toBeNull();
  });

  it('a refused setup leaves an open session alone', async () => {
    const { session, tokens } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    await expect(session.completeSetup('bogus', 'long enough password')).rejects.toBeDefined();
    expect(tokens.accessToken).toBe('access-1');
  });
});
