import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake from the menu (issue 9): an application records the item as it was when it was taken
 * in — the standard version it came from, its name and code, the statutory and promised
 * limits and what the center could do with it — so a later localization or a new version
 * changes nothing already received.
 *
 * Rows taken in as free text before the catalogue existed keep their code and name; where the
 * center's implementation list now holds that code, they are linked to the entry's version and
 * limits, otherwise they stay unlinked (item_version_id NULL: "as typed at intake").
 */
export class ApplicationItem1765065600000 implements MigrationInterface {
  name = 'ApplicationItem1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE applications
        ADD COLUMN item_version_id uuid,
        ADD COLUMN item_statutory_days integer CHECK (item_statutory_days > 0),
        ADD COLUMN item_promised_days integer CHECK (item_promised_days > 0),
        ADD COLUMN item_handling text CHECK (item_handling IN ('HANDLE','INTAKE_ONLY'))`);
    // Owners need not be superusers: row-level security is forced on them too, so it is
    // lifted for this one statement over every tenant's rows.
    await q.query(`ALTER TABLE applications NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE implementation_items NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE catalogue_items NO FORCE ROW LEVEL SECURITY`);
    await q.query(`
      UPDATE applications a
         SET item_version_id = l.source_version_id,
             item_name = c.name,
             item_statutory_days = c.statutory_days,
             item_promised_days = l.promised_days
        FROM implementation_items l
        JOIN catalogue_items c ON c.tenant_id = l.source_tenant_id
                              AND c.version_id = l.source_version_id AND c.code = l.code
       WHERE l.tenant_id = a.tenant_id AND l.code = a.item_code`);
    await q.query(`ALTER TABLE catalogue_items FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE implementation_items FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE applications FORCE ROW LEVEL SECURITY`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE applications
        DROP COLUMN item_version_id,
        DROP COLUMN item_statutory_days,
        DROP COLUMN item_promised_days,
        DROP COLUMN item_handling`);
  }
}
