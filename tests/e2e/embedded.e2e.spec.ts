import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_STANDARD_CATALOGUE,
  writeCatalogueSheets,
  writeCatalogueWorkbook,
} from '@tongban/catalog';
import { startApi, gql, login, ME, REFRESH, Tokens, waitFor } from '@tongban/test-support';

/** The embedded default: no DATABASE_URL (PGlite under DATA_DIR), no REDIS_URL (in-process jobs). */
describe('embedded default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-embedded-'));
  const embedded = { REDIS_URL: '', DATABASE_URL: '' };

  it('migrates, seeds, serves, and keeps its data and keys across a restart', async () => {
    const first = await startApi({
      seedDemo: true,
      demoHistory: true,
      dataDir,
      env: embedded,
      readyTimeoutMs: 150_000, // the demo history first (about 20 s alone)
    });
    let tokens: Tokens;
    try {
      expect(first.logs()).toContain(
        'running with the embedded database (PGlite) and in-process jobs',
      );
      expect(first.logs()).toContain(
        '"added":{"tenants":10,"windows":30,"users":8,"applications":6,"consultations":6,"catalogueItems":223}',
      );
      expect(first.logs()).toMatch(/Demo accounts \(password Demo#2026\)/);
      // The months of applications, smaller on the embedded database (start-up time).
      const history = /"history":\{"applications":(\d+),"acts":\d+,"ms":(\d+)\}/.exec(first.logs());
      expect(Number(history?.[1])).toBeGreaterThan(150);
      const result = await login(first.baseUrl, 'village.staff', 'Demo#2026');
      expect(result.errors).toBeUndefined();
      tokens = result.data!.login;
      const me = await gql<{ me: { tenant: { name: string } } }>(first.baseUrl, ME, {
        token: tokens.accessToken,
      });
      expect(me.data!.me.tenant.name).toBe('马山村便民服务站');

      // A catalogue import on the one connection of the embedded database: the file is read
      // outside any transaction, so others are answered while it runs.
      const platform = (await login(first.baseUrl, 'platform', 'Demo#2026')).data!.login;
      const items = [1, 2, 3, 4, 5].flatMap((copy) =>
        DEMO_STANDARD_CATALOGUE.map((item) => ({ ...item, code: `E${copy}-${item.code}` })),
      );
      const file = await writeCatalogueWorkbook(writeCatalogueSheets(items));
      const started = await gql<{ importCatalogue: { id: string } }>(
        first.baseUrl,
        `mutation($input: ImportCatalogueInput!) { importCatalogue(input: $input) { id } }`,
        {
          token: platform.accessToken,
          variables: {
            input: {
              label: '嵌入式导入',
              fileName: 'e.xlsx',
              spreadsheet: file.toString('base64'),
            },
          },
        },
      );
      expect(started.errors).toBeUndefined();
      const finished = await waitFor(
        'the import to finish',
        async () => {
          const others = await gql(first.baseUrl, ME, { token: tokens.accessToken });
          expect(others.errors).toBeUndefined();
          const state = await gql<{
            catalogueImport: { status: string; rowsRead: number; versionId: string | null };
          }>(
            first.baseUrl,
            `query($id: ID!) { catalogueImport(id: $id) { status rowsRead versionId } }`,
            { token: platform.accessToken, variables: { id: started.data!.importCatalogue.id } },
          );
          expect(state.errors).toBeUndefined();
          const found = state.data!.catalogueImport;
          return found.status === 'SUCCEEDED' || found.status === 'FAILED' ? found : undefined;
        },
        90_000,
      );
      expect(finished.status).toBe('SUCCEEDED');
      const versions = await gql<{ catalogueVersions: { label: string; itemCount: number }[] }>(
        first.baseUrl,
        `query { catalogueVersions { label itemCount } }`,
        { token: platform.accessToken },
      );
      expect(versions.data!.catalogueVersions).toContainEqual({
        label: '嵌入式导入',
        itemCount: items.length,
      });
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await startApi({
      seedDemo: true,
      demoHistory: true,
      dataDir,
      env: embedded,
      readyTimeoutMs: 90_000,
    });
    try {
      expect(second.logs()).toContain(
        '"added":{"tenants":0,"windows":0,"users":0,"applications":0,"consultations":0,"catalogueItems":0}',
      );
      expect(second.logs()).toContain('"history":{"applications":0,"acts":0');
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
  }, 300_000);
});
