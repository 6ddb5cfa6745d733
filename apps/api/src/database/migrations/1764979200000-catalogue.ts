import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables of the catalogue (DESIGN.md §4.1), each a tenant table. */
const TENANT_TABLES = [
  'catalogue_versions',
  'catalogue_items',
  'catalogue_imports',
  'implementation_items',
  'menu_templates',
];

/** Material published above a tenant: the acting tenant lies in the row's tenant's range. */
const ANCESTOR_READ = `current_setting('tongban.division_start', true) >= tongban_division_prefix(tenant_division_code)
  AND current_setting('tongban.division_start', true) < tongban_division_end(tenant_division_code)`;

/**
 * The catalogue (DESIGN.md §4.1): standard versions with their items, imports of the
 * spreadsheet officials exchange, each tenant's implementation list (实施清单) and a county's
 * menu templates. Standard versions and items are the province's rows; every tenant below
 * reads them (ancestor-published material: a second, read-only policy), none writes them. An
 * implementation item is the tenant's own row, the standard's item code its key.
 */
export class Catalogue1764979200000 implements MigrationInterface {
  name = 'Catalogue1764979200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalogue_versions (
        tenant_id    uuid NOT NULL REFERENCES tenants (id),
        id           uuid NOT NULL DEFAULT gen_random_uuid(),
        label        text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
        status       text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED','RETIRED')),
        item_count   integer NOT NULL DEFAULT 0,
        created_by   uuid REFERENCES users (id),
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        retired_at   timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, label)
      )`);

    await q.query(`
      CREATE TABLE catalogue_items (
        tenant_id            uuid NOT NULL,
        version_id           uuid NOT NULL,
        code                 text NOT NULL,
        name                 text NOT NULL,
        type                 text NOT NULL,
        competent_department text NOT NULL,
        implementing_level   text NOT NULL,
        legal_basis          text NOT NULL,
        applicant_scopes     text[] NOT NULL,
        conditions           text NOT NULL,
        materials            jsonb NOT NULL,
        steps                jsonb NOT NULL,
        -- NULL: decided on the spot (即办)
        statutory_days       integer CHECK (statutory_days > 0),
        fee                  jsonb NOT NULL,
        handling_tiers       text[] NOT NULL,
        intake_only_tiers    text[] NOT NULL,
        online_available     boolean NOT NULL,
        PRIMARY KEY (tenant_id, version_id, code),
        FOREIGN KEY (tenant_id, version_id) REFERENCES catalogue_versions (tenant_id, id)
          ON DELETE CASCADE
      )`);

    // The file is kept with the import (the worker may be another machine), and dropped once read.
    await q.query(`
      CREATE TABLE catalogue_imports (
        tenant_id   uuid NOT NULL REFERENCES tenants (id),
        id          uuid NOT NULL DEFAULT gen_random_uuid(),
        label       text NOT NULL,
        file_name   text NOT NULL,
        file        bytea,
        status      text NOT NULL DEFAULT 'QUEUED'
                      CHECK (status IN ('QUEUED','RUNNING','SUCCEEDED','FAILED')),
        rows_read   integer NOT NULL DEFAULT 0,
        problems    jsonb NOT NULL DEFAULT '[]',
        version_id  uuid,
        created_by  uuid REFERENCES users (id),
        created_at  timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, version_id) REFERENCES catalogue_versions (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX catalogue_imports_created_idx ON catalogue_imports (tenant_id, created_at DESC)`,
    );

    await q.query(`
      CREATE TABLE implementation_items (
        tenant_id         uuid NOT NULL REFERENCES tenants (id),
        code              text NOT NULL,
        -- the standard version (and its publisher) the entry was adopted from
        source_tenant_id  uuid NOT NULL,
        source_version_id uuid NOT NULL,
        -- NULL: promised on the spot
        promised_days     integer CHECK (promised_days > 0),
        materials         jsonb NOT NULL,
        window_ids        uuid[] NOT NULL DEFAULT '{}',
        address           text,
        phone             text,
        office_hours      text,
        fee_note          text,
        notes             text,
        adopted_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        version           integer NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, code)
      )`);

    await q.query(`
      CREATE TABLE menu_templates (
        tenant_id  uuid NOT NULL REFERENCES tenants (id),
        id         uuid NOT NULL DEFAULT gen_random_uuid(),
        name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        tier       text NOT NULL CHECK (tier IN ('TOWNSHIP','VILLAGE')),
        item_codes text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, name)
      )`);

    for (const table of TENANT_TABLES) {
      await q.query(`SELECT tongban_secure_tenant_table($1::regclass)`, [table]);
    }
    // Published and retired versions only: a draft is its publisher's alone.
    await q.query(`
      CREATE POLICY ancestor_read ON catalogue_versions FOR SELECT
        USING (status <> 'DRAFT' AND ${ANCESTOR_READ})`);
    await q.query(`
      CREATE POLICY ancestor_read ON catalogue_items FOR SELECT
        USING (${ANCESTOR_READ}
               AND EXISTS (SELECT 1 FROM catalogue_versions v
                            WHERE v.tenant_id = catalogue_items.tenant_id
                              AND v.id = catalogue_items.version_id AND v.status <> 'DRAFT'))`);
    // A center's list is within its parent's: the parent's list is readable below it (it is
    // the public service guide's too).
    await q.query(
      `CREATE POLICY ancestor_read ON implementation_items FOR SELECT USING (${ANCESTOR_READ})`,
    );
    // Items are replaced only while their version is a draft; the service checks, the table holds.
    await q.query(`
      CREATE FUNCTION tongban_catalogue_items_frozen() RETURNS trigger
      LANGUAGE plpgsql AS $$
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
      END $$`);
    await q.query(`
      CREATE TRIGGER catalogue_items_frozen BEFORE INSERT OR UPDATE OR DELETE ON catalogue_items
        FOR EACH ROW EXECUTE FUNCTION tongban_catalogue_items_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE menu_templates, implementation_items, catalogue_imports, catalogue_items, catalogue_versions`,
    );
    await q.query(`DROP FUNCTION tongban_catalogue_items_frozen()`);
  }
}
