import { readFileSync } from 'node:fs';
import { createHmac, createSign } from 'node:crypto';
import jwt from 'jsonwebtoken';
import {
  ApiProcess,
  startApi,
  createTestDatabase,
  TestDatabase,
  errorCode,
  gql,
  login,
  ME,
  REFRESH,
  testSigningKeys,
  Tokens,
  waitFor,
} from '@tongban/test-support';

const PASSWORD = 'Demo#2026';
const DEMO_ACCOUNTS: [string, string, string][] = [
  ['platform', 'PLATFORM_ADMIN', '广西壮族自治区'],
  ['liuzhou.city', 'CITY_OFFICIAL', '柳州市'],
  ['liucheng.admin', 'COUNTY_ADMIN', '柳城县'],
  ['mashan.manager', 'CENTER_MANAGER', '马山乡'],
  ['liucheng.window', 'WINDOW_STAFF', '柳城县'],
  ['village.staff', 'STATION_STAFF', '马山村便民服务站'],
  ['liucheng.supervisor', 'SUPERVISOR', '柳城县'],
];

describe('identity over GraphQL', () => {
  let db: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({
      databaseUrl: db.url,
      env: {
        ACCESS_TOKEN_TTL_SECONDS: '60',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '6',
        // The tests play several client addresses through X-Forwarded-For from loopback.
        TRUST_PROXY: 'loopback',
      },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  /** Each login comes from its own address so the per-address limit stays out of the way. */
  let nextAddress = 1;
  const fresh = () => ({ 'X-Forwarded-For': `10.1.0.${nextAddress++}` });

  async function loginOk(username: string): Promise<Tokens> {
    const result = await login(api.baseUrl, username, PASSWORD, fresh());
    expect(result.errors).toBeUndefined();
    return result.data!.login;
  }

  it.each(DEMO_ACCOUNTS)(
    '%s logs in and `me` names their role and tenant',
    async (username, role, tenant) => {
      const tokens = await loginOk(username);
      expect(tokens.expiresIn).toBe(60);
      const me = await gql<{ me: { username: string; roles: string[]; tenant: { name: string } } }>(
        api.baseUrl,
        ME,
        { token: tokens.accessToken },
      );
      expect(me.errors).toBeUndefined();
      expect(me.data!.me).toMatchObject({ username, roles: [role], tenant: { name: tenant } });
    },
  );

  it('refuses a wrong password and an unknown user alike, with UNAUTHENTICATED', async () => {
    const wrong = await login(api.baseUrl, 'liucheng.window', 'not-the-password', fresh());
    const unknown = await login(api.baseUrl, 'nobody.here', PASSWORD, fresh());
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
    expect(wrong.data).toBeNull();
  });

  it('answers a malformed document with BAD_USER_INPUT and no stack trace', async () => {
    const result = await gql(api.baseUrl, '{ me { id ');
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    const errors = JSON.stringify(result.errors);
    expect(errors).not.toContain('stacktrace');
    expect(errors).not.toMatch(/at .*\.js/);
  });

  it('answers invalid input with BAD_USER_INPUT', async () => {
    const result = await login(api.baseUrl, '', PASSWORD, fresh());
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    const unknownField = await gql(
      api.baseUrl,
      'mutation { login(input: {username: "a", password: "b", tenantId: "x"}) { accessToken } }',
    );
    expect(errorCode(unknownField)).toBe('BAD_USER_INPUT');
  });

  describe('access tokens', () => {
    let valid: Tokens;
    let claims: { sub: string; sid: string };
    beforeAll(async () => {
      valid = await loginOk('liucheng.admin');
      claims = jwt.decode(valid.accessToken) as { sub: string; sid: string };
    });

    const meWith = (token?: string) => gql(api.baseUrl, ME, { token });

    it('accepts the issued token', async () => {
      expect((await meWith(valid.accessToken)).errors).toBeUndefined();
    });

    it('rejects a missing token', async () => {
      expect(errorCode(await meWith())).toBe('UNAUTHENTICATED');
    });

    it('rejects an expired token', async () => {
      const expired = jwt.sign({ sid: claims.sid }, api.signingKey(), {
        algorithm: 'ES256',
        subject: claims.sub,
        issuer: 'tongban',
        audience: 'tongban-api',
        expiresIn: -10,
      });
      const result = await meWith(expired);
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
      expect(result.errors![0].message).toMatch(/expired/i);
    });

    /**
     * Forgeries aim at a real person of another tenant (马山乡's manager, with a live session
     * of their own), so a refusal can only come from the signature check: the control signs
     * the very same claims with the server's key and is let in as that person.
     */
    describe('forged for a real user of another tenant', () => {
      let victimClaims: Record<string, unknown>;
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      beforeAll(async () => {
        const victim = await loginOk('mashan.manager');
        victimClaims = jwt.decode(victim.accessToken) as Record<string, unknown>;
        expect(victimClaims.sub).not.toBe(claims.sub);
      });

      it('control: the same claims signed with the server’s key are that person', async () => {
        const [header] = valid.accessToken.split('.');
        const payload = encode(victimClaims);
        const signature = createSign('SHA256')
          .update(`${header}.${payload}`)
          .sign({ key: api.signingKey(), dsaEncoding: 'ieee-p1363' })
          .toString('base64url');
        const result = await meWith(`${header}.${payload}.${signature}`);
        expect(result.errors).toBeUndefined();
        expect(result.data).toMatchObject({ me: { username: 'mashan.manager' } });
      });

      it('rejects one’s own token with the payload swapped (signature kept)', async () => {
        const [header, , signature] = valid.accessToken.split('.');
        const result = await meWith(`${header}.${encode(victimClaims)}.${signature}`);
        expect(errorCode(result)).toBe('UNAUTHENTICATED');
      });

      it('rejects one’s own claims with only the subject swapped, signature kept', async () => {
        const [header, , signature] = valid.accessToken.split('.');
        const payload = encode({ ...claims, sub: victimClaims.sub });
        expect(errorCode(await meWith(`${header}.${payload}.${signature}`))).toBe(
          'UNAUTHENTICATED',
        );
      });

      it('rejects the claims re-signed with another ES256 key', async () => {
        const { privateKey } = testSigningKeys();
        const { iat: _iat, exp: _exp, ...rest } = victimClaims;
        const forged = jwt.sign(rest, privateKey, { algorithm: 'ES256', expiresIn: 60 });
        expect(errorCode(await meWith(forged))).toBe('UNAUTHENTICATED');
      });

      it('rejects the claims unsigned (`alg: none`)', async () => {
        const header = encode({ alg: 'none', typ: 'JWT' });
        expect(errorCode(await meWith(`${header}.${encode(victimClaims)}.`))).toBe(
          'UNAUTHENTICATED',
        );
      });

      it('rejects the claims as HS256 keyed with the public key (algorithm confusion)', async () => {
        const publicKey = readFileSync(`${api.dataDir}/keys/access-token-public.pem`, 'utf8');
        const header = encode({ alg: 'HS256', typ: 'JWT' });
        const payload = encode(victimClaims);
        const mac = createHmac('sha256', publicKey)
          .update(`${header}.${payload}`)
          .digest('base64url');
        expect(errorCode(await meWith(`${header}.${payload}.${mac}`))).toBe('UNAUTHENTICATED');
      });
    });
  });

  describe('refresh tokens', () => {
    const refresh = (refreshToken: string) =>
      gql<{ refresh: Tokens }>(api.baseUrl, REFRESH, { variables: { input: { refreshToken } } });

    it('rotates: each refresh returns a new refresh token and a working access token', async () => {
      const first = await loginOk('mashan.manager');
      const second = await refresh(first.refreshToken);
      expect(second.errors).toBeUndefined();
      expect(second.data!.refresh.refreshToken).not.toBe(first.refreshToken);
      expect(
        (await gql(api.baseUrl, ME, { token: second.data!.refresh.accessToken })).errors,
      ).toBeUndefined();
    });

    it('a reused refresh token revokes the whole family', async () => {
      const first = await loginOk('liucheng.supervisor');
      const second = (await refresh(first.refreshToken)).data!.refresh;

      const reuse = await refresh(first.refreshToken);
      expect(errorCode(reuse)).toBe('UNAUTHENTICATED');

      // Every token of the family is now dead: the newer refresh token and its access token.
      expect(errorCode(await refresh(second.refreshToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await gql(api.baseUrl, ME, { token: second.accessToken }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(errorCode(await gql(api.baseUrl, ME, { token: first.accessToken }))).toBe(
        'UNAUTHENTICATED',
      );

      const [session] = await db.query<{ revoked_reason: string }>(
        `SELECT revoked_reason FROM sessions WHERE id = $1`,
        [(jwt.decode(first.accessToken) as { sid: string }).sid],
      );
      expect(session.revoked_reason).toBe('REFRESH_TOKEN_REUSED');

      // Another login of the same person is a new family and unaffected.
      expect(
        (await gql(api.baseUrl, ME, { token: (await loginOk('liucheng.supervisor')).accessToken }))
          .errors,
      ).toBeUndefined();
    });

    it('rejects malformed and unknown refresh tokens', async () => {
      expect(errorCode(await refresh('garbage'))).toBe('UNAUTHENTICATED');
      const tokens = await loginOk('liucheng.window');
      const [id] = tokens.refreshToken.split('.');
      expect(errorCode(await refresh(`${id}.${'A'.repeat(43)}`))).toBe('UNAUTHENTICATED');
      // A wrong secret for a real id is not a "reuse": the real token still works.
      expect((await refresh(tokens.refreshToken)).errors).toBeUndefined();
    });

    it('logout ends the session: its access and refresh tokens stop working', async () => {
      const tokens = await loginOk('village.staff');
      const out = await gql<{ logout: boolean }>(api.baseUrl, 'mutation { logout }', {
        token: tokens.accessToken,
      });
      expect(out.data!.logout).toBe(true);
      expect(errorCode(await gql(api.baseUrl, ME, { token: tokens.accessToken }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(errorCode(await refresh(tokens.refreshToken))).toBe('UNAUTHENTICATED');
    });

    it('a disabled user can no longer use their tokens', async () => {
      const tokens = await loginOk('liuzhou.city');
      await db.query(`UPDATE users SET status = 'DISABLED' WHERE username = 'liuzhou.city'`);
      try {
        expect(errorCode(await gql(api.baseUrl, ME, { token: tokens.accessToken }))).toBe(
          'UNAUTHENTICATED',
        );
        expect(errorCode(await refresh(tokens.refreshToken))).toBe('UNAUTHENTICATED');
        expect(errorCode(await login(api.baseUrl, 'liuzhou.city', PASSWORD, fresh()))).toBe(
          'UNAUTHENTICATED',
        );
      } finally {
        await db.query(`UPDATE users SET status = 'ACTIVE' WHERE username = 'liuzhou.city'`);
      }
    });
  });

  describe('failed-login rate limiting', () => {
    it('locks an account after 3 failures, even from other addresses and with the right password', async () => {
      for (let i = 0; i < 3; i++) {
        const result = await login(api.baseUrl, 'platform', 'wrong', fresh());
        expect(errorCode(result)).toBe('UNAUTHENTICATED');
      }
      const locked = await login(api.baseUrl, 'platform', PASSWORD, fresh());
      expect(errorCode(locked)).toBe('RATE_LIMITED');
      expect(locked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
      // Other accounts are unaffected.
      expect(
        (await login(api.baseUrl, 'mashan.manager', PASSWORD, fresh())).errors,
      ).toBeUndefined();
    });

    it('locks a client address after 6 failures across accounts', async () => {
      const address = { 'X-Forwarded-For': '10.9.9.9' };
      const users = ['u.one', 'u.two', 'u.three', 'u.four', 'u.five', 'u.six'];
      for (const username of users) {
        expect(errorCode(await login(api.baseUrl, username, 'wrong', address))).toBe(
          'UNAUTHENTICATED',
        );
      }
      expect(errorCode(await login(api.baseUrl, 'liucheng.window', PASSWORD, address))).toBe(
        'RATE_LIMITED',
      );
      // The same account from another address still logs in.
      expect(
        (await login(api.baseUrl, 'liucheng.window', PASSWORD, fresh())).errors,
      ).toBeUndefined();
    });
  });

  it('echoes a request id and logs it on the access line, with the path asked for', async () => {
    const result = await gql(api.baseUrl, ME, { headers: { 'X-Request-Id': 'e2e-request-0001' } });
    expect(result.headers['x-request-id']).toBe('e2e-request-0001');
    const line = await waitFor('the access log line of the request', async () =>
      api
        .logs()
        .split('\n')
        .find((l) => l.includes('e2e-request-0001') && l.includes('request completed')),
    );
    expect(JSON.parse(line)).toMatchObject({
      msg: 'request completed',
      req: { id: 'e2e-request-0001', method: 'POST', url: '/graphql' },
      res: { statusCode: 200 },
    });
  });
});
