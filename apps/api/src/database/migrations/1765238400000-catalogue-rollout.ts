import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogue clean-up rounds (issue 10, DESIGN.md §4.1): a rollout carries a published standard
 * version over a county's subtree (or the province), one step per tenant.
 *
 * - catalogue_versions.mappings: how the publisher says old items became new ones (split,
 *   merge, suspension), set while the version is a draft.
 * - implementation_items.read_only: an entry the standard removed or suspended while the
 *   tenant still had open applications for it: kept for those, off the menu for new intake.
 * - catalogue_rollouts: the rollout, owned by the tenant that started it; `generation` grows
 *   with every resume and retry, so a step's job id is new each time it must run again.
 * - catalogue_rollout_steps: one per tenant of the subtree, owned by that tenant (its
 *   outcome is its audit: the before and after of every entry it changed, and the conflicts).
 */
export class CatalogueRollout1765238400000 implements MigrationInterface {
  name = 'CatalogueRollout1765238400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE catalogue_versions ADD COLUMN mappings jsonb NOT NULL DEFAULT '[]'
         CHECK (jsonb_typeof(mappings) = 'array')`,
    );
    await q.query(
      `ALTER TABLE implementation_items ADD COLUMN read_only boolean NOT NULL DEFAULT false`,
    );

    await q.query(`
      CREATE TABLE catalogue_rollouts (
        tenant_id         uuid NOT NULL REFERENCES tenants (id),
        id                uuid NOT NULL DEFAULT gen_random_uuid(),
        -- the published standard version rolled out (the province's row)
        version_tenant_id uuid NOT NULL,
        version_id        uuid NOT NULL,
        status            text NOT NULL DEFAULT 'RUNNING'
                            CHECK (status IN ('RUNNING','PAUSED','CANCELLED','FINISHED')),
        generation        integer NOT NULL DEFAULT 1,
        started_by        uuid REFERENCES users (id),
        started_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        finished_at       timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX catalogue_rollouts_started_idx ON catalogue_rollouts (tenant_id, started_at DESC)`,
    );

    await q.query(`
      CREATE TABLE catalogue_rollout_steps (
        tenant_id         uuid NOT NULL REFERENCES tenants (id),
        rollout_tenant_id uuid NOT NULL,
        rollout_id        uuid NOT NULL,
        -- the step that must be done first: the tenant's parent, when it is in the rollout
        parent_tenant_id  uuid,
        depth             integer NOT NULL CHECK (depth >= 0),
        status            text NOT NULL DEFAULT 'PENDING'
                            CHECK (status IN ('PENDING','DONE','FAILED','CANCELLED')),
        attempts          integer NOT NULL DEFAULT 0,
        reason            text,
        changed           integer NOT NULL DEFAULT 0,
        conflict_count    integer NOT NULL DEFAULT 0,
        outcomes          jsonb NOT NULL DEFAULT '[]',
        conflicts         jsonb NOT NULL DEFAULT '[]',
        finished_at       timestamptz,
        PRIMARY KEY (tenant_id, rollout_id),
        FOREIGN KEY (rollout_tenant_id, rollout_id) REFERENCES catalogue_rollouts (tenant_id, id)
      )`);
    // Progress counts and the ready steps of a rollout; a tenant's pending steps (one rollout
    // at a time over a tenant).
    await q.query(
      `CREATE INDEX catalogue_rollout_steps_rollout_idx
         ON catalogue_rollout_steps (rollout_tenant_id, rollout_id, status, depth)`,
    );
    await q.query(
      `CREATE INDEX catalogue_rollout_steps_pending_idx
         ON catalogue_rollout_steps (tenant_id) WHERE status = 'PENDING'`,
    );

    for (const table of ['catalogue_rollouts', 'catalogue_rollout_steps']) {
      await q.query(`SELECT tongban_secure_tenant_table($1::regclass)`, [table]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalogue_rollout_steps`);
    await q.query(`DROP TABLE catalogue_rollouts`);
    await q.query(`ALTER TABLE implementation_items DROP COLUMN read_only`);
    await q.query(`ALTER TABLE catalogue_versions DROP COLUMN mappings`);
  }
}
