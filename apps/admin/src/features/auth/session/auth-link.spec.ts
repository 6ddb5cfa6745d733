import { AuthSession } from './session';
import { TokenStore } from './token-store';
import { createFakeApi } from '../../../shared/testing/fake-api';
import { createApolloClient } from '../../../shared/api/client';
import { classifyError } from '../../../shared/api/errors';
import { MeDocument } from '../../../shared/api/graphql.generated';
import { createGraphQLRequest, createSessionEndpoints } from '../../../shared/api/transport';

function setup(options: Parameters<typeof createFakeApi>[0] = {}) {
  const api = createFakeApi(options);
  let now = 0;
  const tokens = new TokenStore(() => now);
  const session = new AuthSession({
    tokens,
    request: createGraphQLRequest(api.fetch),
    endpoints: createSessionEndpoints(api.fetch),
  });
  const client = createApolloClient({ session, fetch: api.fetch as typeof fetch });
  // No deduplication: each call is its own request, as separate components' queries would be.
  const me = () =>
    client.query({
      query: MeDocument,
      fetchPolicy: 'network-only',
      context: { queryDeduplication: false },
    });
  return { api, session, client, me, advance: (ms: number) => (now += ms) };
}

/** Signed in, then the API turns `mode`; what `me` fails with then. */
async function meWhenApi(mode: Parameters<ReturnType<typeof createFakeApi>['setMode']>[0]) {
  const context = setup();
  await context.session.login('liucheng.admin', 'Demo#2026');
  context.api.setMode(mode);
  const error = await context.me().catch((e: unknown) => e);
  return { ...context, error };
}

const meCalls = (api: ReturnType<typeof createFakeApi>) =>
  api.calls.filter((c) => c.operation === 'Me').map((c) => c.authorization);

describe('auth link (Apollo Client against a fake API)', () => {
  it('sends the access token as a Bearer token', async () => {
    const { api, session, me } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    const { data } = await me();
    expect(data?.me.tenant.name).toBe('柳城县');
    expect(meCalls(api)).toEqual(['Bearer access-1']);
  });

  it('on UNAUTHENTICATED refreshes once and retries the operation', async () => {
    const { api, session, me } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    api.expireAccessTokens();
    const { data } = await me();
    expect(data?.me.username).toBe('liucheng.admin');
    expect(meCalls(api)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(api.count('/auth/refresh')).toBe(1);
  });

  it('concurrent failures share a single refresh', async () => {
    const { api, session, me } = setup({ refreshDelayMs: 30 });
    await session.login('liucheng.admin', 'Demo#2026');
    api.expireAccessTokens();
    const results = await Promise.all([me(), me(), me(), me()]);
    expect(results.map((r) => r.data?.me.id)).toEqual(['u1', 'u1', 'u1', 'u1']);
    expect(api.count('/auth/refresh')).toBe(1);
    expect(meCalls(api).filter((a) => a === 'Bearer access-2')).toHaveLength(4);
  });

  it('refreshes proactively when the token is about to expire', async () => {
    const { api, session, me, advance } = setup({ expiresIn: 600 });
    await session.login('liucheng.admin', 'Demo#2026');
    advance(590_000);
    await me();
    expect(meCalls(api)).toEqual(['Bearer access-2']);
    expect(api.count('/auth/refresh')).toBe(1);
  });

  it('when the refresh is rejected, ends the session and reports UNAUTHENTICATED', async () => {
    const { api, session, me } = setup();
    await session.login('liucheng.admin', 'Demo#2026');
    api.revokeSessions();
    const error = await me().catch((e: unknown) => e);
    expect(classifyError(error)).toEqual({ kind: 'unauthenticated' });
    expect(session.status).toBe('anonymous');
    expect(session.lastEndReason).toBe('expired');
    expect(meCalls(api)).toEqual(['Bearer access-1']);
  });

  it('when even the renewed token is rejected, ends the session instead of looping', async () => {
    const { api, session, error } = await meWhenApi('account-disabled');
    expect(classifyError(error)).toEqual({ kind: 'unauthenticated' });
    expect(meCalls(api)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(api.count('/auth/refresh')).toBe(1);
    expect(session.status).toBe('anonymous');
  });

  it('when the server goes away, reports it as unreachable and keeps the session', async () => {
    const { session, error } = await meWhenApi('down');
    expect(classifyError(error)).toEqual({ kind: 'unreachable' });
    expect(session.status).toBe('authenticated');
  });

  it('a database outage is reported as unavailable, without refreshing', async () => {
    const { api, error } = await meWhenApi('database-down');
    expect(classifyError(error)).toEqual({ kind: 'unavailable' });
    expect(api.count('/auth/refresh')).toBe(0);
  });

  it('without a session the operation goes out anonymously and is not retried', async () => {
    const { api, me } = setup();
    const error = await me().catch((e: unknown) => e);
    expect(classifyError(error)).toEqual({ kind: 'unauthenticated' });
    expect(meCalls(api)).toEqual([null]);
    expect(api.count('/auth/refresh')).toBe(0);
  });
});
