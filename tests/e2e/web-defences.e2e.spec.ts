import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import {
  ADMIN_DIST,
  ApiProcess,
  createTestDatabase,
  errorCode,
  gql,
  LOGIN,
  ME,
  startApi,
  TestDatabase,
} from '@tongban/test-support';

/**
 * The web client's defences (issue 8): the refresh token in an httpOnly cookie scoped to the
 * session endpoints, logout without a live access token, security headers on every answer,
 * compressed and long-cached hashed assets.
 */
describe('web defences', () => {
  let db: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url, env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const loginResponse = () =>
    request(api.baseUrl)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send({
        query: LOGIN,
        variables: { input: { username: 'mashan.manager', password: 'Demo#2026' } },
      });

  const cookieOf = (res: request.Response) => {
    const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    return header.find((c) => c.startsWith('tongban_refresh='));
  };

  describe('the refresh token in an httpOnly cookie', () => {
    it('is set at login: httpOnly, SameSite=Strict, scoped to /auth (plain HTTP: not Secure)', async () => {
      const res = await loginResponse();
      const cookie = cookieOf(res)!;
      expect(cookie).toMatch(
        /^tongban_refresh=[^;]+; Path=\/auth; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
      );
      // Behind a TLS-terminating proxy it is Secure.
      const tls = await loginResponse().set('X-Forwarded-Proto', 'https');
      expect(cookieOf(tls)).toMatch(/; Secure$/);
    });

    it('rotates at POST /auth/refresh, which wants its header; the old cookie then ends the session', async () => {
      const first = cookieOf(await loginResponse())!.split(';')[0];
      const withoutHeader = await request(api.baseUrl).post('/auth/refresh').set('Cookie', first);
      expect(withoutHeader.status).toBe(401);
      const refreshed = await request(api.baseUrl)
        .post('/auth/refresh')
        .set('Cookie', first)
        .set('X-Tongban-Session', '1');
      expect(refreshed.status).toBe(200);
      expect(refreshed.body).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number) });
      const second = cookieOf(refreshed)!.split(';')[0];
      expect(second).not.toBe(first);
      const me = await gql(api.baseUrl, ME, { token: refreshed.body.accessToken });
      expect(me.errors).toBeUndefined();
      // Reusing the first cookie is theft: the session (and the second cookie) end.
      const reuse = await request(api.baseUrl)
        .post('/auth/refresh')
        .set('Cookie', first)
        .set('X-Tongban-Session', '1');
      expect(reuse.status).toBe(401);
      expect(reuse.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const after = await request(api.baseUrl)
        .post('/auth/refresh')
        .set('Cookie', second)
        .set('X-Tongban-Session', '1');
      expect(after.status).toBe(401);
    });

    it('logs out at POST /auth/logout with no access token at all', async () => {
      const login = await loginResponse();
      const cookie = cookieOf(login)!.split(';')[0];
      const access = login.body.data.login.accessToken as string;
      const out = await request(api.baseUrl)
        .post('/auth/logout')
        .set('Cookie', cookie)
        .set('X-Tongban-Session', '1');
      expect(out.status).toBe(200);
      expect(cookieOf(out)).toMatch(/^tongban_refresh=; Path=\/auth; Max-Age=0/);
      expect(errorCode(await gql(api.baseUrl, ME, { token: access }))).toBe('UNAUTHENTICATED');
      const refresh = await request(api.baseUrl)
        .post('/auth/refresh')
        .set('Cookie', cookie)
        .set('X-Tongban-Session', '1');
      expect(refresh.status).toBe(401);
    });
  });

  describe('security headers on every answer', () => {
    it.each(['/graphql', '/health/live', '/', '/applications'])('%s', async (path) => {
      const res =
        path === '/graphql'
          ? await request(api.baseUrl)
              .post(path)
              .set('Content-Type', 'application/json')
              .send({ query: '{ __typename }' })
          : await request(api.baseUrl).get(path).set('Accept', 'text/html');
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });

    it('adds HSTS when the request came over TLS', async () => {
      const res = await request(api.baseUrl).get('/health/live').set('X-Forwarded-Proto', 'https');
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
    });

    it('the admin app has no inline script the policy would have to allow', async () => {
      const html = (await request(api.baseUrl).get('/').set('Accept', 'text/html')).text;
      expect(html).toContain('<script type="module"');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    });
  });

  it('serves hashed assets compressed and cached for a year as immutable; index.html not cached', async () => {
    const asset = readdirSync(join(ADMIN_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    const res = await request(api.baseUrl)
      .get(`/assets/${asset}`)
      .set('Accept-Encoding', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(['br', 'gzip']).toContain(res.headers['content-encoding']);
    const index = await request(api.baseUrl).get('/tenants').set('Accept', 'text/html');
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('answers GraphQL with Cache-Control: no-store (one user’s data), errors included', async () => {
    for (const query of ['{ insightDefinitions { key } }', '{ me { id } }', '{ nope }']) {
      const res = await request(api.baseUrl)
        .post('/graphql')
        .set('Content-Type', 'application/json')
        .send({ query });
      expect({ query, cacheControl: res.headers['cache-control'] }).toEqual({
        query,
        cacheControl: 'no-store',
      });
    }
  });
});
