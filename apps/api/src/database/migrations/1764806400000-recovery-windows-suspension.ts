import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hardening from the first review (issue 8):
 * - setup links have a purpose: SETUP (an invited person's first password) or RESET (a new
 *   password for an active account, issued by an administrator);
 * - windows can be disabled (and enabled again) instead of deleted while applications
 *   reference them;
 * - a suspension keeps its reason on the tenant, shown to those who see it;
 * - a person's roles are a set of at most seven (no repeats), also in the database.
 */
export class RecoveryWindowsSuspension1764806400000 implements MigrationInterface {
  name = 'RecoveryWindowsSuspension1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE setup_links ADD COLUMN purpose text NOT NULL DEFAULT 'SETUP'
         CHECK (purpose IN ('SETUP', 'RESET'))`,
    );
    await q.query(`ALTER TABLE service_windows ADD COLUMN disabled_at timestamptz`);
    await q.query(
      `ALTER TABLE tenants ADD COLUMN suspension_reason text
         CHECK (suspension_reason IS NULL OR length(suspension_reason) <= 500)`,
    );
    // Owners need not be superusers: row-level security is forced on them too, so the audit
    // trail is read with it lifted for this one statement.
    await q.query(`ALTER TABLE audit_events NO FORCE ROW LEVEL SECURITY`);
    await q.query(
      `UPDATE tenants t SET suspension_reason = (
         SELECT e.details->>'reason' FROM audit_events e
          WHERE e.tenant_id = t.id AND e.action = 'TENANT_SUSPENDED'
          ORDER BY e.created_at DESC LIMIT 1)
        WHERE t.status = 'SUSPENDED'`,
    );
    await q.query(`ALTER TABLE audit_events FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE FUNCTION tongban_is_set(items text[]) RETURNS boolean
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT count(*) = count(DISTINCT item) FROM unnest(items) AS item
      $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION tongban_is_set(text[]) TO tongban_app`);
    // Rows written before the rule keep working: repeats are folded, then the rule holds.
    await q.query(`ALTER TABLE memberships NO FORCE ROW LEVEL SECURITY`);
    await q.query(
      `UPDATE memberships SET roles = ARRAY(SELECT DISTINCT r FROM unnest(roles) AS r ORDER BY r)
        WHERE NOT tongban_is_set(roles)`,
    );
    await q.query(`ALTER TABLE memberships FORCE ROW LEVEL SECURITY`);
    await q.query(
      `ALTER TABLE memberships ADD CONSTRAINT memberships_roles_set
         CHECK (cardinality(roles) <= 7 AND tongban_is_set(roles))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE memberships DROP CONSTRAINT memberships_roles_set`);
    await q.query(`DROP FUNCTION tongban_is_set(text[])`);
    await q.query(`ALTER TABLE tenants DROP COLUMN suspension_reason`);
    await q.query(`ALTER TABLE service_windows DROP COLUMN disabled_at`);
    await q.query(`ALTER TABLE setup_links DROP COLUMN purpose`);
  }
}
