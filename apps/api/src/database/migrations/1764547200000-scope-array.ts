import { MigrationInterface, QueryRunner } from 'typeorm';

/** The policy expression of every tenant-owned table from this migration on. */
const SCOPE_ARRAY_POLICY = 'tenant_id = ANY ((SELECT tongban_scope_tenant_array())::uuid[])';
/** The one it replaces (1764288000000-tenant-isolation). */
const SCOPE_SET_POLICY = 'tenant_id IN (SELECT tongban_scope_tenant_ids())';

/** Sets USING and WITH CHECK of the tenant_scope policy of every table that has one. */
function alterPolicies(expression: string): string {
  const quoted = expression.replaceAll("'", "''");
  return `
    DO $$
    DECLARE
      r record;
      n int := 0;
    BEGIN
      FOR r IN SELECT tablename FROM pg_policies
                WHERE schemaname = 'public' AND policyname = 'tenant_scope' LOOP
        EXECUTE format('ALTER POLICY tenant_scope ON public.%I USING (${quoted}) WITH CHECK (${quoted})',
                       r.tablename);
        n := n + 1;
      END LOOP;
      IF n = 0 THEN
        RAISE EXCEPTION 'no tenant_scope policy found';
      END IF;
    END $$`;
}

/**
 * Row-level security without a subquery to plan (bench/rls-overhead.bench.mjs, BENCHMARKS.md):
 * the policies compare tenant_id with an array built once per statement (an initplan), instead
 * of `tenant_id IN (SELECT tongban_scope_tenant_ids())`, a hashed subplan whose planning cost
 * every statement paid even in 'tenant' scope. In 'tenant' scope the array is the scope's tenant
 * alone (no query at all); in 'subtree' scope it is the subtree (GIN on path). `= ANY (array)`
 * is also an index condition, so queries with no tenant filter of their own use the tenant_id
 * indexes. Semantics are unchanged: no, empty or unknown scope gives the empty array (no rows,
 * and WITH CHECK refuses every write). Every table's policy is altered, whichever migration
 * created it; a later tenant-owned table uses the same expression (SCOPE_ARRAY_POLICY).
 */
export class ScopeArray1764547200000 implements MigrationInterface {
  name = 'ScopeArray1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION tongban_scope_tenant_array() RETURNS uuid[]
      LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      DECLARE
        scope  text := current_setting('tongban.scope', true);
        tenant uuid := nullif(current_setting('tongban.tenant_id', true), '')::uuid;
      BEGIN
        IF tenant IS NULL THEN
          RETURN '{}';
        ELSIF scope = 'tenant' THEN
          RETURN ARRAY[tenant];
        ELSIF scope = 'subtree' THEN
          RETURN ARRAY(SELECT t.id FROM public.tenants t WHERE t.path @> ARRAY[tenant]);
        END IF;
        RETURN '{}';
      END $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION tongban_scope_tenant_array() TO tongban_app`);
    await q.query(alterPolicies(SCOPE_ARRAY_POLICY));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(alterPolicies(SCOPE_SET_POLICY));
    await q.query(`DROP FUNCTION tongban_scope_tenant_array()`);
  }
}
