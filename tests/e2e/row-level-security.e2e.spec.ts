import { AsyncLocalStorage } from 'node:async_hooks';
import { RequestContext, TenantScope } from '@tongban/core';
import { createTestDatabase, TestDatabase } from '@tongban/test-support';
import { ClsService } from 'nestjs-cls';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/**
 * Row-level security, read from pg_catalog and tried as the application role: the backstop
 * that holds even when a query forgets its tenant filter (DESIGN.md §2).
 */
describe('row-level security', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
  });
  afterAll(() => db?.drop());

  it('is forced on every table with a tenant_id, and tenant_id is in every primary and unique key', async () => {
    const tables = await db.query<{
      table: string;
      rls: boolean;
      forced: boolean;
      policies: number;
    }>(
      `SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
        ORDER BY 1`,
    );
    expect(tables.map((t) => t.table)).toEqual(
      expect.arrayContaining([
        'memberships',
        'service_windows',
        'setup_links',
        'window_assignments',
        'audit_events',
      ]),
    );
    for (const table of tables) {
      expect({ table: table.table, rls: table.rls, forced: table.forced }).toEqual({
        table: table.table,
        rls: true,
        forced: true,
      });
      expect(table.policies).toBeGreaterThan(0);
    }

    const keysWithoutTenant = await db.query<{ table: string; index: string }>(
      `SELECT c.relname AS table, i.relname AS index
         FROM pg_index x
         JOIN pg_class c ON c.oid = x.indrelid
         JOIN pg_class i ON i.oid = x.indexrelid
        WHERE c.relnamespace = 'public'::regnamespace
          AND (x.indisprimary OR x.indisunique)
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
          AND NOT EXISTS (
            SELECT 1 FROM pg_attribute a
             WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnum = ANY (x.indkey::int2[]))`,
    );
    expect(keysWithoutTenant).toEqual([]);
  });

  it('leaves the application role no way around it', async () => {
    const [role] = await db.query<Record<string, boolean>>(
      `SELECT r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
              EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
                         AND pg_has_role(r.oid, c.relowner, 'USAGE')) AS owner,
              pg_has_role(r.oid, 'tongban_app', 'MEMBER') AS member,
              EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                       WHERE m.member = r.oid AND (g.rolsuper OR g.rolbypassrls)) AS privileged_group
         FROM pg_roles r WHERE r.rolname = $1`,
      [db.appRole],
    );
    expect(role).toEqual({
      superuser: false,
      bypassrls: false,
      owner: false,
      member: true,
      privileged_group: false,
    });
    const [group] = await db.query<Record<string, boolean>>(
      `SELECT rolsuper AS superuser, rolbypassrls AS bypassrls, rolcanlogin AS login FROM pg_roles WHERE rolname = 'tongban_app'`,
    );
    expect(group).toEqual({ superuser: false, bypassrls: false, login: false });
  });

  describe('as the application role', () => {
    let app: Client;
    let tenants: Record<string, string>;
    beforeAll(async () => {
      app = new Client({ connectionString: db.url });
      await app.connect();
      const rows = await db.query<{ division_code: string; id: string }>(
        `SELECT division_code, id FROM tenants`,
      );
      tenants = Object.fromEntries(rows.map((r) => [r.division_code, r.id]));
    });
    afterAll(() => app?.end());

    async function inScope<T>(
      scope: string | null,
      tenantId: string | null,
      work: () => Promise<T>,
    ): Promise<T> {
      await app.query('BEGIN');
      try {
        if (scope) {
          await app.query(
            `SELECT set_config('tongban.scope', $1, true), set_config('tongban.tenant_id', $2, true)`,
            [scope, tenantId],
          );
        }
        return await work();
      } finally {
        await app.query('ROLLBACK');
      }
    }
    const windowTenants = async () =>
      (
        await app.query<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM service_windows`)
      ).rows
        .map((r) => r.tenant_id)
        .sort();

    it('an unfiltered query sees only the scope’s rows', async () => {
      const mashan = tenants['450222203'];
      expect(await inScope('tenant', mashan, windowTenants)).toEqual([mashan]);
      const subtree = await inScope('subtree', mashan, windowTenants);
      expect(subtree).toEqual([mashan, tenants['450222203201'], tenants['450222203202']].sort());
      expect(subtree).not.toContain(tenants['450222100']);
    });

    it('fails closed without a scope: no rows, no writes', async () => {
      expect(await inScope(null, null, windowTenants)).toEqual([]);
      expect((await app.query(`SELECT count(*)::int AS n FROM memberships`)).rows[0].n).toBe(0);
      await expect(
        inScope(null, null, () =>
          app.query(
            `INSERT INTO service_windows (tenant_id, code, name, kind) VALUES ($1, 'X1', 'x', 'SERVICE')`,
            [tenants['450222']],
          ),
        ),
      ).rejects.toThrow(/row-level security/);
    });

    it('refuses writes into another tenant (WITH CHECK)', async () => {
      await expect(
        inScope('subtree', tenants['450222203'], () =>
          app.query(
            `INSERT INTO service_windows (tenant_id, code, name, kind) VALUES ($1, 'X2', 'x', 'SERVICE')`,
            [tenants['450222100']],
          ),
        ),
      ).rejects.toThrow(/row-level security/);
      await expect(
        inScope('subtree', tenants['450222203'], () =>
          app.query(`UPDATE service_windows SET tenant_id = $1 WHERE tenant_id = $2`, [
            tenants['450222100'],
            tenants['450222203'],
          ]),
        ),
      ).rejects.toThrow(/row-level security/);
    });

    it('cannot switch RLS off or read the migrations table', async () => {
      await expect(
        app.query(`ALTER TABLE service_windows DISABLE ROW LEVEL SECURITY`),
      ).rejects.toThrow(/must be owner/);
      await expect(
        app.query(`SET row_security = off; SELECT * FROM service_windows`),
      ).rejects.toThrow();
      await expect(app.query(`SELECT * FROM schema_migrations`)).rejects.toThrow(
        /permission denied/,
      );
    });
  });

  it('1,000 concurrent scoped transactions across 50 tenants on a pool of 4 see no foreign row and leave no scope behind', async () => {
    // 50 townships under the county, each with one window named after it.
    const [county] = await db.query<{ id: string; path: string[] }>(
      `SELECT id, path FROM tenants WHERE division_code = '450222'`,
    );
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
         SELECT g, $1, 'TOWNSHIP', $2, $3, 'ACTIVE', $4::uuid[] || g FROM gen_random_uuid() g RETURNING id`,
        [county.id, `450222${String(300 + i)}`, `并发乡${i}`, county.path],
      );
      ids.push(row.id);
      await db.query(
        `INSERT INTO service_windows (tenant_id, code, name, kind) VALUES ($1, 'C1', $2, 'COMPREHENSIVE')`,
        [row.id, row.id],
      );
    }

    const dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { max: 4 } });
    await dataSource.initialize();
    const cls = new ClsService(new AsyncLocalStorage());
    const scope = new TenantScope(dataSource, new RequestContext(cls), cls);
    try {
      const results = await Promise.all(
        Array.from({ length: 1000 }, (_, n) => {
          const tenantId = ids[n % ids.length];
          return cls.run(() =>
            scope.runIn({ tenantId, visibility: 'tenant', actorId: null }, async (manager) => {
              // Deliberately unfiltered: only row-level security narrows it.
              const rows: { tenant_id: string; name: string }[] = await manager.query(
                `SELECT tenant_id, name FROM service_windows`,
              );
              return { tenantId, rows };
            }),
          );
        }),
      );
      for (const { tenantId, rows } of results) {
        expect(rows).toEqual([{ tenant_id: tenantId, name: tenantId }]);
      }

      // Every pooled connection is back without a scope: an unscoped read sees nothing.
      const clients = await Promise.all(
        Array.from({ length: 4 }, () => dataSource.createQueryRunner()),
      );
      try {
        for (const runner of clients) {
          await runner.connect();
          const [settings] = await runner.query(
            `SELECT coalesce(current_setting('tongban.scope', true), '') AS scope,
                    coalesce(current_setting('tongban.tenant_id', true), '') AS tenant,
                    (SELECT count(*)::int FROM service_windows) AS visible`,
          );
          expect(settings).toEqual({ scope: '', tenant: '', visible: 0 });
        }
      } finally {
        await Promise.all(clients.map((runner) => runner.release()));
      }
    } finally {
      await dataSource.destroy();
    }
  });
});
