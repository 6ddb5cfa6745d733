import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import {
  ApiProcess,
  createTestDatabase,
  errorCode,
  gql,
  login,
  ME,
  startApi,
  TestDatabase,
  waitFor,
} from '@tongban/test-support';

describe('GraphQL defences', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url });
    token = (await login(api.baseUrl, 'liucheng.admin', 'Demo#2026')).data!.login.accessToken;
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('allows ordinary queries, fragments included', async () => {
    const nested = `{ me { id } tenants { nodes { ...A } } } fragment A on Tenant { id serviceWindows { id } }`;
    expect((await gql(api.baseUrl, nested, { token })).errors).toBeUndefined();
  });

  it('refuses too deep, too costly, too many aliases and too many tokens with BAD_USER_INPUT', async () => {
    const limited = await startApi({
      databaseUrl: db.url,
      env: {
        GRAPHQL_MAX_DEPTH: '3',
        GRAPHQL_MAX_COST: '40',
        GRAPHQL_MAX_ALIASES: '5',
        GRAPHQL_MAX_TOKENS: '200',
      },
    });
    try {
      const t = (await login(limited.baseUrl, 'liucheng.admin', 'Demo#2026')).data!.login
        .accessToken;
      const ok = await gql(limited.baseUrl, `{ me { tenant { id } } }`, { token: t });
      expect(ok.errors).toBeUndefined();

      const deep = await gql(limited.baseUrl, `{ me { tenant { serviceWindows { id } } } }`, {
        token: t,
      });
      expect(errorCode(deep)).toBe('BAD_USER_INPUT');
      expect(deep.errors![0].message).toMatch(/depth/i);
      // Fragments do not hide depth.
      const hidden = await gql(
        limited.baseUrl,
        `{ me { ...M } } fragment M on CurrentUser { tenant { serviceWindows { id } } }`,
        { token: t },
      );
      expect(errorCode(hidden)).toBe('BAD_USER_INPUT');

      const costly = await gql(
        limited.baseUrl,
        `{ a: tenants { nodes { id name kind divisionCode status parentId } }
           b: tenants { nodes { id name kind divisionCode status parentId } }
           c: tenants { nodes { id name kind divisionCode status parentId } } }`,
        { token: t },
      );
      expect(errorCode(costly)).toBe('BAD_USER_INPUT');
      expect(costly.errors![0].message).toMatch(/cost/i);

      const aliases = await gql(
        limited.baseUrl,
        `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
        { token: t },
      );
      expect(errorCode(aliases)).toBe('BAD_USER_INPUT');
      expect(aliases.errors![0].message).toMatch(/alias/i);

      const long = await gql(limited.baseUrl, `{ me { ${'id '.repeat(300)} } }`, { token: t });
      expect(long.status).toBe(400);
      expect(errorCode(long)).toBe('BAD_USER_INPUT');
      expect(long.errors![0].message).toMatch(/token/i);
    } finally {
      await limited.stop();
    }
  });

  it('does not accept batched requests', async () => {
    const res = await request(api.baseUrl)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('Authorization', `Bearer ${token}`)
      .send([{ query: ME }, { query: ME }]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toContain('liucheng.admin');
  });

  it('prevents cross-site request forgery: simple requests are refused', async () => {
    const get = await request(api.baseUrl).get('/graphql').query({ query: '{ __typename }' });
    expect(get.status).toBe(400);
    expect(get.body.errors[0].message).toContain(
      'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF)',
    );
    const form = await request(api.baseUrl)
      .post('/graphql')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ query: 'mutation { logout }' }));
    expect(form.status).toBe(400);
  });

  it('masks an unexpected error, with a correlation id that is in the log', async () => {
    await db.query(`REVOKE SELECT ON service_windows FROM tongban_app`);
    try {
      const result = await gql(api.baseUrl, `{ me { tenant { serviceWindows { id } } } }`, {
        token,
      });
      expect(errorCode(result)).toBe('INTERNAL_SERVER_ERROR');
      const correlationId = result.errors![0].extensions!.correlationId as string;
      expect(result.errors![0].message).toBe(`Internal server error (reference ${correlationId})`);
      for (const leak of ['permission', 'service_windows', 'SELECT']) {
        expect(JSON.stringify(result.errors)).not.toContain(leak);
      }
      const logged = await waitFor('the masked error in the log', async () =>
        api
          .logs()
          .split('\n')
          .find((line) => line.includes(correlationId) && line.includes('unexpected error')),
      );
      expect(logged).toContain('permission denied for table service_windows');
    } finally {
      await db.query(`GRANT SELECT ON service_windows TO tongban_app`);
    }
  });

  it('in production: no introspection and no field suggestions', async () => {
    const keys = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const production = await startApi({
      databaseUrl: db.url,
      env: {
        NODE_ENV: 'production',
        JWT_PRIVATE_KEY: keys.privateKey,
        JWT_PUBLIC_KEY: keys.publicKey,
      },
    });
    try {
      const introspection = await gql(production.baseUrl, '{ __schema { queryType { name } } }');
      expect(errorCode(introspection)).toBe('BAD_USER_INPUT');
      expect(introspection.errors![0].message).toMatch(/introspection/i);
      const typo = await gql(production.baseUrl, '{ mee { id } }');
      expect(errorCode(typo)).toBe('BAD_USER_INPUT');
      expect(typo.errors![0].message).not.toMatch(/Did you mean/);
      // Outside production the suggestion helps developers.
      const devTypo = await gql(api.baseUrl, '{ mee { id } }');
      expect(devTypo.errors![0].message).toMatch(/Did you mean "me"/);
    } finally {
      await production.stop();
    }
  });
});
