import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables with an ancestor_read policy (1764979200000-catalogue). */
const ANCESTOR_READ_TABLES = ['catalogue_versions', 'catalogue_items', 'implementation_items'];

/**
 * Material published above a tenant, read cheaply: the row's publisher's prefix is one of the
 * acting tenant's ancestors' prefixes. A range [prefix, prefix || ':') holds the scope's start
 * exactly when the prefix begins the start, and prefixes (tongban_division_prefix) are 2, 4, 6, 9
 * or 12 digits long, so the start's ancestors are its first 2, 4, 6, 9 and 12 characters (an
 * unset scope, '' or NULL, matches no prefix). An equality on a stored column, no function per
 * row: an index can serve it.
 */
const ANCESTOR_READ = `tenant_division_prefix IN (
    left(current_setting('tongban.division_start', true), 2),
    left(current_setting('tongban.division_start', true), 4),
    left(current_setting('tongban.division_start', true), 6),
    left(current_setting('tongban.division_start', true), 9),
    left(current_setting('tongban.division_start', true), 12))`;

/** The policy it replaces, per row a call of tongban_division_prefix and tongban_division_end. */
const PER_ROW_ANCESTOR_READ = `current_setting('tongban.division_start', true) >= tongban_division_prefix(tenant_division_code)
  AND current_setting('tongban.division_start', true) < tongban_division_end(tenant_division_code)`;

/** The items' guard of 1764979200000-catalogue, as it was. */
const FROZEN_BEFORE = `
  DECLARE
    status text;
  BEGIN
    SELECT v.status INTO status FROM public.catalogue_versions v
     WHERE v.tenant_id = COALESCE(NEW.tenant_id, OLD.tenant_id)
       AND v.id = COALESCE(NEW.version_id, OLD.version_id);
    -- A version out of the writer's sight (NULL) is left to row-level security to refuse.
    IF status IS NOT NULL AND status <> 'DRAFT' THEN
      RAISE EXCEPTION 'A published catalogue version does not change'
        USING ERRCODE = '23514', CONSTRAINT = 'catalogue_items_frozen', TABLE = 'catalogue_items';
    END IF;
    RETURN COALESCE(NEW, OLD);
  END`;

/**
 * The same guard, which also stamps an item with its version's publication (one read of the
 * version for both) and lets through the update that changes nothing but that stamp: the one
 * tongban_catalogue_version_published issues when a draft is published.
 */
const FROZEN_AND_STAMPED = `
  DECLARE
    status text;
  BEGIN
    SELECT v.status INTO status FROM public.catalogue_versions v
     WHERE v.tenant_id = COALESCE(NEW.tenant_id, OLD.tenant_id)
       AND v.id = COALESCE(NEW.version_id, OLD.version_id);
    IF TG_OP <> 'DELETE' THEN
      -- Whatever the writer sent; a version out of its sight stamps nothing visible.
      NEW.published := COALESCE(status <> 'DRAFT', false);
      -- (NEW's generated column is not computed yet in a BEFORE trigger: left out.)
      IF TG_OP = 'UPDATE'
         AND to_jsonb(NEW) - 'published' - 'tenant_division_prefix'
           = to_jsonb(OLD) - 'published' - 'tenant_division_prefix' THEN
        RETURN NEW;
      END IF;
    END IF;
    -- A version out of the writer's sight (NULL) is left to row-level security to refuse.
    IF status IS NOT NULL AND status <> 'DRAFT' THEN
      RAISE EXCEPTION 'A published catalogue version does not change'
        USING ERRCODE = '23514', CONSTRAINT = 'catalogue_items_frozen', TABLE = 'catalogue_items';
    END IF;
    RETURN COALESCE(NEW, OLD);
  END`;

/**
 * The ancestor_read policies made cheap (BENCHMARKS.md, the 2,000-item implementation list):
 * they called tongban_division_prefix and tongban_division_end on every row they passed, and the
 * items' policy looked the version up (under its own policy) for every item, 309 ms of a 500-entry
 * page of an implementation list joined to its standard items.
 *
 * - tenant_division_prefix on catalogue_versions, catalogue_items and implementation_items: the
 *   publisher's prefix, a stored generated column of tenant_division_code (which the
 *   tenant_division_code trigger keeps its tenant's, and which never changes). Nobody writes a
 *   generated column, the app role included: the range cannot be forged.
 * - catalogue_items.published: whether the item's version is out of draft (PUBLISHED or RETIRED),
 *   so the items' policy needs no look-up of the version. Set by the items' guard from the
 *   version on every write (what a writer sends is ignored), and on every item of a version in
 *   the statement that moves the version out of draft (or back) by catalogue_versions_published.
 * - the policies: equalities of that column with the scope's ancestors' prefixes (ANCESTOR_READ).
 */
export class CatalogueReadRange1765152000000 implements MigrationInterface {
  name = 'CatalogueReadRange1765152000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ANCESTOR_READ_TABLES) {
      await q.query(`
        ALTER TABLE ${table} ADD COLUMN tenant_division_prefix text COLLATE "C"
          GENERATED ALWAYS AS (tongban_division_prefix(tenant_division_code)) STORED`);
    }
    // A tenant lists the versions published above it without naming their publisher.
    await q.query(
      `CREATE INDEX catalogue_versions_division_prefix_idx ON catalogue_versions (tenant_division_prefix)`,
    );

    await q.query(
      `ALTER TABLE catalogue_items ADD COLUMN published boolean NOT NULL DEFAULT false`,
    );
    await q.query(`
      CREATE OR REPLACE FUNCTION tongban_catalogue_items_frozen() RETURNS trigger
      LANGUAGE plpgsql AS $$${FROZEN_AND_STAMPED}$$`);
    await q.query(`
      CREATE FUNCTION tongban_catalogue_version_published() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        -- The guard stamps each item from the version, now updated.
        UPDATE public.catalogue_items SET published = NEW.status <> 'DRAFT'
         WHERE tenant_id = NEW.tenant_id AND version_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER catalogue_versions_published AFTER UPDATE OF status ON catalogue_versions
        FOR EACH ROW WHEN ((OLD.status <> 'DRAFT') IS DISTINCT FROM (NEW.status <> 'DRAFT'))
        EXECUTE FUNCTION tongban_catalogue_version_published()`);
    // The items there are: the owner's backfill, under no policy.
    await q.query(`ALTER TABLE catalogue_items NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE catalogue_versions NO FORCE ROW LEVEL SECURITY`);
    await q.query(`
      UPDATE catalogue_items c SET published = true
        FROM catalogue_versions v
       WHERE v.tenant_id = c.tenant_id AND v.id = c.version_id AND v.status <> 'DRAFT'`);
    await q.query(`ALTER TABLE catalogue_versions FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE catalogue_items FORCE ROW LEVEL SECURITY`);

    await this.policies(q, {
      versions: `status <> 'DRAFT' AND ${ANCESTOR_READ}`,
      items: `published AND ${ANCESTOR_READ}`,
      implementation: ANCESTOR_READ,
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await this.policies(q, {
      versions: `status <> 'DRAFT' AND ${PER_ROW_ANCESTOR_READ}`,
      items: `${PER_ROW_ANCESTOR_READ}
               AND EXISTS (SELECT 1 FROM catalogue_versions v
                            WHERE v.tenant_id = catalogue_items.tenant_id
                              AND v.id = catalogue_items.version_id AND v.status <> 'DRAFT')`,
      implementation: PER_ROW_ANCESTOR_READ,
    });
    await q.query(`DROP TRIGGER catalogue_versions_published ON catalogue_versions`);
    await q.query(`DROP FUNCTION tongban_catalogue_version_published()`);
    await q.query(`
      CREATE OR REPLACE FUNCTION tongban_catalogue_items_frozen() RETURNS trigger
      LANGUAGE plpgsql AS $$${FROZEN_BEFORE}$$`);
    await q.query(`ALTER TABLE catalogue_items DROP COLUMN published`);
    await q.query(`DROP INDEX catalogue_versions_division_prefix_idx`);
    for (const table of ANCESTOR_READ_TABLES) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN tenant_division_prefix`);
    }
  }

  private async policies(
    q: QueryRunner,
    using: { versions: string; items: string; implementation: string },
  ): Promise<void> {
    const tables = {
      catalogue_versions: using.versions,
      catalogue_items: using.items,
      implementation_items: using.implementation,
    };
    for (const [table, condition] of Object.entries(tables)) {
      await q.query(`DROP POLICY ancestor_read ON ${table}`);
      await q.query(`CREATE POLICY ancestor_read ON ${table} FOR SELECT USING (${condition})`);
    }
  }
}
