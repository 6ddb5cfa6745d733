import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, gql, login, ME, REFRESH, Tokens } from '@tongban/test-support';

/** The embedded default: no DATABASE_URL (PGlite under DATA_DIR), no REDIS_URL (in-process jobs). */
describe('embedded default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-embedded-'));
  const embedded = { REDIS_URL: '', DATABASE_URL: '' };

  it('migrates, seeds, serves, and keeps its data and keys across a restart', async () => {
    const first = await startApi({
      seedDemo: true,
      dataDir,
      env: embedded,
      readyTimeoutMs: 90_000,
    });
    let tokens: Tokens;
    try {
      expect(first.logs()).toContain(
        'running with the embedded database (PGlite) and in-process jobs',
      );
      expect(first.logs()).toContain(
        '"added":{"tenants":10,"windows":30,"users":8,"applications":6,"catalogueItems":223}',
      );
      expect(first.logs()).toMatch(/Demo accounts \(password Demo#2026\)/);
      const result = await login(first.baseUrl, 'village.staff', 'Demo#2026');
      expect(result.errors).toBeUndefined();
      tokens = result.data!.login;
      const me = await gql<{ me: { tenant: { name: string } } }>(first.baseUrl, ME, {
        token: tokens.accessToken,
      });
      expect(me.data!.me.tenant.name).toBe('马山村便民服务站');
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await startApi({
      seedDemo: true,
      dataDir,
      env: embedded,
      readyTimeoutMs: 90_000,
    });
    try {
      expect(second.logs()).toContain(
        '"added":{"tenants":0,"windows":0,"users":0,"applications":0,"catalogueItems":0}',
      );
      // Same keys and same database: the session of the first run goes on.
      const refreshed = await gql<{ refresh: Tokens }>(second.baseUrl, REFRESH, {
        variables: { input: { refreshToken: tokens!.refreshToken } },
      });
      expect(refreshed.errors).toBeUndefined();
      const me = await gql(second.baseUrl, ME, { token: tokens!.accessToken });
      expect(me.errors).toBeUndefined();
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
