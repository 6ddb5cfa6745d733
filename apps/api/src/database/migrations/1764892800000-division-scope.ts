import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every tenant-owned table up to this migration (each has tenant_id and a tenant_scope policy). */
const TENANT_TABLES = [
  'service_windows',
  'memberships',
  'window_assignments',
  'setup_links',
  'audit_events',
  'applications',
  'application_events',
  'receipt_counters',
];

/**
 * The policy of every tenant-owned table from this migration on: the row's division code lies in
 * the transaction's range, which TenantScope sets with the scope (SCOPE_SQL in
 * libs/core/src/context/tenant-scope.ts): 'subtree', [prefix, prefix || ':'); 'tenant', the
 * tenant's own code alone, [code, code || '!') (codes are unique and every row's code is its
 * tenant's, by the trigger below); any other scope, '' to '' (empty). Unset (no scope, or a
 * pooled connection after a transaction): NULL or '', no rows. No subquery to plan, and the bounds
 * are stable, so it is an index condition (runtime keys, read once per scan): its cost does not
 * grow with the subtree (BENCHMARKS.md; a CASE on the scope could use no index, P8 there).
 */
export const DIVISION_SCOPE_POLICY = `tenant_division_code >= current_setting('tongban.division_start', true)
  AND tenant_division_code < current_setting('tongban.division_end', true)`;

/** The policy it replaces (1764547200000-scope-array). */
const SCOPE_ARRAY_POLICY = 'tenant_id = ANY ((SELECT tongban_scope_tenant_array())::uuid[])';

/**
 * Subtree scope by division code range (issue 7 item 8, BENCHMARKS.md): the scope-array policy
 * built the subtree's id list in every statement (0.7 ms for 2,021 tenants, growing with the
 * subtree). 行政区划代码 are hierarchical, so a subtree is a range of codes: every tenant-owned
 * row carries its tenant's code (tenant_division_code, copied by a trigger, never trusted from
 * the writer), and the policy tests the row's code against the scope's range. tenant_id stays
 * in every key (DESIGN.md §2); the code is a copy for the policy's sake.
 *
 * - tongban_division_prefix(code): the digits a descendant's code starts with (450000 → 45,
 *   450200 → 4502, 450221 → 450221, townships and villages: the whole code); NULL when the
 *   code is not 6, 9 or 12 digits, so a missing or malformed scope matches nothing.
 * - tongban_division_end(code): prefix || ':' (':' follows '9' in "C" order): the subtree is
 *   `code >= prefix AND code < end`, a range an index can serve.
 * - tenants_tree_guard: a child's code lies in its parent's range (tenants_division_code_range)
 *   and in no other tenant's, nor does its range hold another's code
 *   (tenants_division_code_overlap); its path is the parent's path and its id
 *   (tenants_path_matches_parent); codes, parents and paths never change
 *   (tenants_tree_immutable). SQLSTATE 23514, as a CHECK would; the API answers CONFLICT.
 * - tongban_secure_tenant_table(regclass): what a later migration calls for each new tenant
 *   table (column, trigger, policy, forced RLS), see ARCHITECTURE.md.
 */
export class DivisionScope1764892800000 implements MigrationInterface {
  name = 'DivisionScope1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION tongban_division_prefix(code text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT CASE
                 WHEN code ~ '^[0-9]{6}$' THEN regexp_replace(code, '(0000|00)$', '')
                 WHEN code ~ '^([0-9]{9}|[0-9]{12})$' THEN code
               END COLLATE "C"
      $$`);
    await q.query(`
      CREATE FUNCTION tongban_division_end(code text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT (tongban_division_prefix(code) || ':') COLLATE "C"
      $$`);
    // Codes compared in "C" order, for the range tests of the guard below and of onboarding.
    await q.query(
      `CREATE INDEX tenants_division_code_c_idx ON tenants ((division_code COLLATE "C"))`,
    );

    await q.query(`
      CREATE FUNCTION tongban_tenants_tree_guard() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        parent public.tenants%ROWTYPE;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.division_code IS DISTINCT FROM OLD.division_code
             OR NEW.parent_id IS DISTINCT FROM OLD.parent_id
             OR NEW.path IS DISTINCT FROM OLD.path THEN
            RAISE EXCEPTION 'A tenant''s division code, parent and path do not change'
              USING ERRCODE = '23514', CONSTRAINT = 'tenants_tree_immutable', TABLE = 'tenants';
          END IF;
          RETURN NEW;
        END IF;
        IF NEW.parent_id IS NULL THEN
          RETURN NEW;
        END IF;
        SELECT * INTO parent FROM public.tenants WHERE id = NEW.parent_id;
        IF NOT FOUND THEN
          RETURN NEW; -- the foreign key refuses it
        END IF;
        IF NOT (NEW.division_code <> parent.division_code
                AND NEW.division_code COLLATE "C" >= tongban_division_prefix(parent.division_code)
                AND NEW.division_code COLLATE "C" < tongban_division_end(parent.division_code)) THEN
          RAISE EXCEPTION 'A tenant''s division code lies in its parent''s range'
            USING ERRCODE = '23514', CONSTRAINT = 'tenants_division_code_range', TABLE = 'tenants';
        END IF;
        IF NEW.path IS DISTINCT FROM parent.path || NEW.id THEN
          RAISE EXCEPTION 'A tenant''s path is its parent''s path and its id'
            USING ERRCODE = '23514', CONSTRAINT = 'tenants_path_matches_parent', TABLE = 'tenants';
        END IF;
        -- No other tenant's range holds the code, and the new range holds no code: the ranges
        -- stay nested like the tree, so a subtree is exactly a range. Both cases are below the
        -- parent; locking it serializes the openings below one parent, so each sees the others.
        PERFORM 1 FROM public.tenants WHERE id = NEW.parent_id FOR NO KEY UPDATE;
        -- The same code again is the unique key's (ON CONFLICT (division_code) DO NOTHING of
        -- onboarding and of the demo seed on every start), not an overlap.
        IF EXISTS (SELECT 1 FROM public.tenants t WHERE t.division_code = NEW.division_code) THEN
          RETURN NEW;
        END IF;
        IF EXISTS (
             SELECT 1 FROM public.tenants t
              WHERE (t.division_code COLLATE "C") >= tongban_division_prefix(NEW.division_code)
                AND (t.division_code COLLATE "C") < tongban_division_end(NEW.division_code))
           OR EXISTS (
             SELECT 1 FROM public.tenants t
              WHERE t.division_code IN (rpad(left(NEW.division_code, 2), 6, '0'),
                                        rpad(left(NEW.division_code, 4), 6, '0'),
                                        left(NEW.division_code, 6), left(NEW.division_code, 9))
                AND t.division_code <> NEW.division_code
                AND t.id <> ALL (parent.path)
                AND (NEW.division_code COLLATE "C") >= tongban_division_prefix(t.division_code)
                AND (NEW.division_code COLLATE "C") < tongban_division_end(t.division_code)) THEN
          RAISE EXCEPTION 'A tenant''s division code range overlaps another tenant''s'
            USING ERRCODE = '23514', CONSTRAINT = 'tenants_division_code_overlap', TABLE = 'tenants';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tenants_tree_guard BEFORE INSERT OR UPDATE ON tenants
        FOR EACH ROW EXECUTE FUNCTION tongban_tenants_tree_guard()`);

    // The row's code is its tenant's, whatever the writer sent; a different one is refused.
    await q.query(`
      CREATE FUNCTION tongban_tenant_division_code() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        code text;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.tenant_id IS DISTINCT FROM OLD.tenant_id THEN
            RAISE EXCEPTION 'A row does not move to another tenant'
              USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_tenant_immutable',
                    TABLE = TG_TABLE_NAME;
          END IF;
          -- Codes never change (tenants_tree_guard): an untouched code is still right.
          IF NEW.tenant_division_code IS NOT DISTINCT FROM OLD.tenant_division_code THEN
            RETURN NEW;
          END IF;
        END IF;
        SELECT t.division_code INTO code FROM public.tenants t WHERE t.id = NEW.tenant_id;
        IF NEW.tenant_division_code IS NULL OR (TG_OP = 'UPDATE' AND code IS NULL) THEN
          NEW.tenant_division_code := code;
        ELSIF code IS DISTINCT FROM NEW.tenant_division_code THEN
          RAISE EXCEPTION 'A row''s tenant_division_code is its tenant''s division code'
            USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_tenant_division_code_matches',
                  TABLE = TG_TABLE_NAME;
        END IF;
        RETURN NEW;
      END $$`);

    // One call per new tenant table: the code column (backfilled), its trigger, the policy and
    // forced RLS. Run by the owner in a migration; lifts FORCE only for its own backfill.
    await q.query(`
      CREATE FUNCTION tongban_secure_tenant_table(target regclass) RETURNS void
      LANGUAGE plpgsql AS $fn$
      DECLARE
        policy text := ${quoteLiteral(DIVISION_SCOPE_POLICY)};
        name text := (SELECT c.relname FROM pg_class c WHERE c.oid = target);
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = target
                          AND a.attname = 'tenant_id' AND NOT a.attisdropped) THEN
          RAISE EXCEPTION '% has no tenant_id', target;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = target
                          AND a.attname = 'tenant_division_code' AND NOT a.attisdropped) THEN
          EXECUTE format('ALTER TABLE %s ADD COLUMN tenant_division_code text COLLATE "C"', target);
        END IF;
        EXECUTE format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY', target);
        EXECUTE format('UPDATE %s x SET tenant_division_code = t.division_code
                          FROM public.tenants t
                         WHERE t.id = x.tenant_id
                           AND x.tenant_division_code IS DISTINCT FROM t.division_code', target);
        EXECUTE format('ALTER TABLE %s ALTER COLUMN tenant_division_code SET NOT NULL', target);
        EXECUTE format('DROP TRIGGER IF EXISTS tenant_division_code ON %s', target);
        EXECUTE format('CREATE TRIGGER tenant_division_code BEFORE INSERT OR UPDATE ON %s
                          FOR EACH ROW EXECUTE FUNCTION tongban_tenant_division_code()', target);
        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s (tenant_division_code)',
                       name || '_division_idx', target);
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
        EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
        EXECUTE format('DROP POLICY IF EXISTS tenant_scope ON %s', target);
        EXECUTE format('CREATE POLICY tenant_scope ON %s USING (%s) WITH CHECK (%s)',
                       target, policy, policy);
      END $fn$`);

    for (const table of TENANT_TABLES) {
      await q.query(`SELECT tongban_secure_tenant_table($1::regclass)`, [table]);
    }
    // Lists in subtree scope read one tenant's rows at a time in these orders.
    await q.query(
      `CREATE INDEX applications_division_submitted_idx
         ON applications (tenant_division_code, submitted_at DESC, id DESC)`,
    );
    // Reads by id alone (a record's page, then the policy) need not scan the tenant's rows.
    await q.query(`CREATE INDEX applications_id_idx ON applications (id)`);
    await q.query(`CREATE INDEX service_windows_id_idx ON service_windows (id)`);

    for (const fn of ['tongban_division_prefix(text)', 'tongban_division_end(text)']) {
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO tongban_app`);
    }
    // Only migrations secure tables.
    await q.query(`REVOKE ALL ON FUNCTION tongban_secure_tenant_table(regclass) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) {
      await q.query(`DROP POLICY tenant_scope ON ${table}`);
      await q.query(`
        CREATE POLICY tenant_scope ON ${table}
          USING (${SCOPE_ARRAY_POLICY}) WITH CHECK (${SCOPE_ARRAY_POLICY})`);
      await q.query(`DROP TRIGGER tenant_division_code ON ${table}`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN tenant_division_code`);
    }
    await q.query(`DROP INDEX service_windows_id_idx, applications_id_idx`);
    await q.query(`DROP FUNCTION tongban_secure_tenant_table(regclass)`);
    await q.query(`DROP FUNCTION tongban_tenant_division_code()`);
    await q.query(`DROP TRIGGER tenants_tree_guard ON tenants`);
    await q.query(`DROP FUNCTION tongban_tenants_tree_guard()`);
    await q.query(`DROP INDEX tenants_division_code_c_idx`);
    await q.query(`DROP FUNCTION tongban_division_end(text), tongban_division_prefix(text)`);
  }
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
