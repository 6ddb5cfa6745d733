/**
 * An in-memory stand-in for the API's auth contract, answering `fetch` calls the way the
 * server does: POST /graphql (login and completeSetup set the refresh cookie; logout; me: a
 * county administrator, with some of the permissions the server would list), and the session
 * endpoints POST /auth/refresh (rotates the cookie; a spent one is rejected) and
 * POST /auth/logout, which want the X-Tongban-Session header. The browser's cookie jar is
 * `cookie`. Only for unit tests.
 */

interface Call {
  operation: string;
  authorization: string | null;
  variables: Record<string, unknown> | undefined;
}

export interface FakeApiOptions {
  expiresIn?: number;
  /** Milliseconds the refresh mutation takes (to test concurrent callers). */
  refreshDelayMs?: number;
}

export function createFakeApi(options: FakeApiOptions = {}) {
  let serial = 0;
  const validAccess = new Set<string>();
  const validRefresh = new Set<string>();
  /** The browser's refresh cookie (httpOnly: the app cannot read it). */
  let cookie: string | null = null;
  const calls: Call[] = [];
  let mode: 'up' | 'down' | 'database-down' | 'account-disabled' = 'up';
  let failedLogins = 0;
  /** Setup tokens that can still be used once, and those already used. */
  const setupTokens = new Set<string>(['good-setup-token']);
  const usedSetupTokens = new Set<string>();

  const issue = () => {
    serial += 1;
    const pair = {
      accessToken: `access-${serial}`,
      refreshToken: `refresh-${serial}`,
      expiresIn: options.expiresIn ?? 900,
      tokenType: 'Bearer',
    };
    validAccess.add(pair.accessToken);
    validRefresh.add(pair.refreshToken);
    cookie = pair.refreshToken;
    return pair;
  };

  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/graphql-response+json', ...headers },
    });
  const error = (code: string, message: string, extra: Record<string, unknown> = {}) =>
    json({ data: null, errors: [{ message, extensions: { code, ...extra } }] });

  const sessionEndpoint = async (path: string, headers: Headers): Promise<Response> => {
    calls.push({ operation: path, authorization: headers.get('authorization'), variables: {} });
    if (mode === 'down') throw new TypeError('fetch failed');
    const refused = (message: string) =>
      json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }, 401);
    if (headers.get('x-tongban-session') !== '1') return refused('Header required');
    const presented = cookie;
    if (path === '/auth/logout') {
      if (presented) validRefresh.delete(presented);
      validAccess.clear();
      cookie = null;
      return json({ loggedOut: true });
    }
    if (options.refreshDelayMs) {
      await new Promise((resolve) => setTimeout(resolve, options.refreshDelayMs));
    }
    if (!presented || !validRefresh.delete(presented)) {
      cookie = null;
      return refused('Refresh token is invalid or revoked');
    }
    const { accessToken, expiresIn } = issue();
    return json({ accessToken, expiresIn, tokenType: 'Bearer' });
  };

  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const path = String(url);
    if (path.startsWith('/auth/')) return sessionEndpoint(path, new Headers(init?.headers));
    const body = JSON.parse(String(init?.body)) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    const headers = new Headers(init?.headers);
    const authorization = headers.get('authorization');
    const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? 'anonymous';
    calls.push({ operation, authorization, variables: body.variables });

    if (mode === 'down') throw new TypeError('fetch failed');
    if (mode === 'database-down') return error('SERVICE_UNAVAILABLE', 'Database unavailable');

    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7) : null;
    const input = (body.variables?.input ?? {}) as Record<string, string>;
    switch (operation) {
      case 'Login': {
        if (failedLogins >= 3) {
          return error('RATE_LIMITED', 'Too many failed logins', { retryAfterSeconds: 120 });
        }
        if (input.username !== 'liucheng.admin' || input.password !== 'Demo#2026') {
          failedLogins += 1;
          return error('UNAUTHENTICATED', 'Invalid username or password');
        }
        failedLogins = 0;
        return json({ data: { login: issue() } });
      }
      case 'CompleteSetup': {
        if (usedSetupTokens.has(input.token))
          return error('BAD_USER_INPUT', 'This setup link has already been used');
        if (!setupTokens.has(input.token))
          return error('BAD_USER_INPUT', 'This setup link is not valid');
        if ((input.password ?? '').length < 10)
          return error('BAD_USER_INPUT', 'The password needs at least 10 characters');
        setupTokens.delete(input.token);
        usedSetupTokens.add(input.token);
        return json({ data: { completeSetup: issue() } });
      }
      case 'Logout': {
        // Ends the session of the access token only (another session's cookie stays good).
        if (!bearer || !validAccess.delete(bearer)) {
          return error('UNAUTHENTICATED', 'Not signed in');
        }
        return json({ data: { logout: true } });
      }
      case 'Me': {
        if (!bearer || !validAccess.has(bearer) || mode === 'account-disabled')
          return error('UNAUTHENTICATED', 'Not signed in');
        return json({
          data: {
            me: {
              __typename: 'CurrentUser',
              id: 'u1',
              username: 'liucheng.admin',
              displayName: '柳城县管理员',
              roles: ['COUNTY_ADMIN'],
              tenant: {
                __typename: 'Tenant',
                id: 't1',
                name: '柳城县',
                kind: 'COUNTY',
                divisionCode: '450222',
                status: 'ACTIVE',
              },
              visibility: 'SUBTREE',
              permissions: [
                { __typename: 'Permission', action: 'READ', subject: 'TENANT' },
                { __typename: 'Permission', action: 'ONBOARD', subject: 'TENANT' },
                { __typename: 'Permission', action: 'READ', subject: 'APPLICATION' },
              ],
              grantableRoles: [
                { __typename: 'GrantableRole', role: 'CENTER_MANAGER', tenantKinds: ['TOWNSHIP'] },
              ],
            },
          },
        });
      }
      default:
        return error('BAD_USER_INPUT', `Unknown operation ${operation}`);
    }
  };

  return {
    fetch,
    calls,
    count: (operation: string) => calls.filter((c) => c.operation === operation).length,
    /** The refresh cookie the browser holds now (null without one). */
    cookie: () => cookie,
    /** Another tab (same cookie jar) rotated the cookie. */
    rotateCookie: () => {
      if (cookie) validRefresh.delete(cookie);
      issue();
    },
    /** Every access token issued so far stops working (as if expired). */
    expireAccessTokens: () => validAccess.clear(),
    /** Every refresh token stops working (session revoked server-side). */
    revokeSessions: () => {
      validAccess.clear();
      validRefresh.clear();
    },
    setMode: (next: typeof mode) => {
      mode = next;
    },
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;

/** A Web Storage stand-in. */
export function fakeStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
    values,
  };
}
