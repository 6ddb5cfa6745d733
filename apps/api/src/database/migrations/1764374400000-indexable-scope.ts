import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The row-level-security scope function, made cheap (bench/rls-overhead.bench.mjs): the first
 * version's single CASE filter could use no index, so every statement scanned the whole
 * tenant tree, and as a SQL function called in a target list it was re-planned each time.
 * PL/pgSQL gives each scope its own indexed query (primary key, GIN on path) and keeps the
 * plans per connection. Semantics are unchanged: no or unknown scope, no tenants.
 */
export class IndexableScope1764374400000 implements MigrationInterface {
  name = 'IndexableScope1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION tongban_scope_tenant_ids() RETURNS SETOF uuid
      LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      DECLARE
        scope  text := current_setting('tongban.scope', true);
        tenant uuid := nullif(current_setting('tongban.tenant_id', true), '')::uuid;
      BEGIN
        IF scope = 'tenant' THEN
          RETURN QUERY SELECT t.id FROM tenants t WHERE t.id = tenant;
        ELSIF scope = 'subtree' THEN
          RETURN QUERY SELECT t.id FROM tenants t WHERE t.path @> ARRAY[tenant];
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION tongban_scope_tenant_ids() RETURNS SETOF uuid
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT t.id FROM tenants t
         WHERE CASE current_setting('tongban.scope', true)
                 WHEN 'tenant'  THEN t.id = current_setting('tongban.tenant_id')::uuid
                 WHEN 'subtree' THEN t.path @> ARRAY[current_setting('tongban.tenant_id')::uuid]
                 ELSE false
               END
      $$`);
  }
}
