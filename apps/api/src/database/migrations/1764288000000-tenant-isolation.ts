import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables that belong to a tenant: row-level security forced, tenant_id in every key. */
const TENANT_TABLES = [
  'service_windows',
  'memberships',
  'window_assignments',
  'setup_links',
  'audit_events',
];

/**
 * Tenant isolation in PostgreSQL (DESIGN.md §2): the application role, the scope function
 * the policies share, staff-to-window assignments, one-time setup links, the audit trail, and
 * forced RLS on every tenant-owned table.
 */
export class TenantIsolation1764288000000 implements MigrationInterface {
  name = 'TenantIsolation1764288000000';

  async up(q: QueryRunner): Promise<void> {
    // The API's privileges live in this group role; the login role the API connects as is a
    // member of it (created by `migrate` from DATABASE_URL). Neither owns tables, neither
    // may bypass RLS.
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tongban_app') THEN
          CREATE ROLE tongban_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- roles are cluster-wide: another database's migration created it meanwhile
      END $$`);

    // Invited users have no password until they complete their setup link.
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_status_check`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('INVITED','ACTIVE','DISABLED'))`,
    );
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_password_when_active CHECK (status <> 'ACTIVE' OR password_hash IS NOT NULL)`,
    );

    // A session belongs to the tenant it was opened in: someone moved elsewhere cannot
    // refresh their way into the new tenant with an old session.
    await q.query(`ALTER TABLE sessions ADD COLUMN home_tenant_id uuid REFERENCES tenants (id)`);

    await q.query(`
      CREATE TABLE window_assignments (
        tenant_id  uuid NOT NULL REFERENCES tenants (id),
        window_id  uuid NOT NULL,
        user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, window_id, user_id),
        FOREIGN KEY (tenant_id, window_id) REFERENCES service_windows (tenant_id, id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE setup_links (
        tenant_id  uuid NOT NULL REFERENCES tenants (id),
        id         uuid NOT NULL,
        user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at    timestamptz,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);

    await q.query(`
      CREATE TABLE audit_events (
        tenant_id  uuid NOT NULL REFERENCES tenants (id),
        id         uuid NOT NULL DEFAULT gen_random_uuid(),
        actor_id   uuid,
        action     text NOT NULL,
        subject_id uuid,
        details    jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX audit_events_created_idx ON audit_events (tenant_id, created_at DESC)`,
    );

    // The tenants a transaction may see: its scope is set with set_config(..., true) at the
    // start of every request and job. No scope (or an unknown one) means no tenants at all.
    await q.query(`
      CREATE FUNCTION tongban_scope_tenant_ids() RETURNS SETOF uuid
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT t.id FROM tenants t
         WHERE CASE current_setting('tongban.scope', true)
                 WHEN 'tenant'  THEN t.id = current_setting('tongban.tenant_id')::uuid
                 WHEN 'subtree' THEN t.path @> ARRAY[current_setting('tongban.tenant_id')::uuid]
                 ELSE false
               END
      $$`);

    for (const table of TENANT_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY tenant_scope ON ${table}
          USING (tenant_id IN (SELECT tongban_scope_tenant_ids()))
          WITH CHECK (tenant_id IN (SELECT tongban_scope_tenant_ids()))`);
    }

    await q.query(`GRANT USAGE ON SCHEMA public TO tongban_app`);
    await q.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tongban_app`,
    );
    await q.query(`REVOKE ALL ON schema_migrations FROM tongban_app`);
    await q.query(`GRANT EXECUTE ON FUNCTION tongban_scope_tenant_ids() TO tongban_app`);
    // Tables of later migrations are granted too; each migration still enables RLS itself.
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tongban_app`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM tongban_app`,
    );
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM tongban_app`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM tongban_app`);
    for (const table of ['service_windows', 'memberships']) {
      await q.query(`DROP POLICY tenant_scope ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`DROP TABLE audit_events, setup_links, window_assignments`);
    await q.query(`ALTER TABLE sessions DROP COLUMN home_tenant_id`);
    await q.query(`DROP FUNCTION tongban_scope_tenant_ids()`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_password_when_active`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_status_check`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('ACTIVE','DISABLED'))`,
    );
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
