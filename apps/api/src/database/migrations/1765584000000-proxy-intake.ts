import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'SUBMITTED','ACCEPTED','REJECTED','SUPPLEMENT_REQUESTED','IN_REVIEW',
  'SUSPENDED','APPROVED','DENIED','COMPLETED','WITHDRAWN'`;

/**
 * Village proxy intake (代办, issue 11, DESIGN.md §4.3): a station (or a township) takes in an
 * item it may only take in and forwards it to the center above that handles it. The chain is
 * two rows, one per tenant, each under its own tenant's row-level security:
 *
 * - the origin's row (the station's): FORWARDED while the handler works on it, RESULT_READY once
 *   the handler has finished (a result or a rejection to hand over), COMPLETED (completed_at)
 *   when the station has handed it to the applicant; `forwarded_to_*` names the handler's row,
 *   `chain_status` is where that row stands (written along the chain by the handler's acts);
 * - the handler's row: taken in with the origin's receipt number (the applicant holds one
 *   receipt), `forwarded_from_*` naming the origin's row.
 *
 * No foreign key crosses tenants (each side reads the other only by its explicit ids).
 */
export class ProxyIntake1765584000000 implements MigrationInterface {
  name = 'ProxyIntake1765584000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications DROP CONSTRAINT applications_status_check`);
    await q.query(`
      ALTER TABLE applications
        ADD CONSTRAINT applications_status_check
          CHECK (status IN (${STATUSES_BEFORE}, 'FORWARDED', 'RESULT_READY')),
        ADD COLUMN forwarded_to_tenant_id   uuid,
        ADD COLUMN forwarded_to_id          uuid,
        ADD COLUMN forwarded_from_tenant_id uuid,
        ADD COLUMN forwarded_from_id        uuid,
        ADD COLUMN chain_status             text,
        ADD CONSTRAINT applications_forwarded_to_check
          CHECK ((forwarded_to_tenant_id IS NULL) = (forwarded_to_id IS NULL)),
        ADD CONSTRAINT applications_forwarded_from_check
          CHECK ((forwarded_from_tenant_id IS NULL) = (forwarded_from_id IS NULL)),
        ADD CONSTRAINT applications_chain_check
          CHECK (status NOT IN ('FORWARDED','RESULT_READY') OR forwarded_to_id IS NOT NULL)`);
    // An origin row is forwarded once: one handler row per origin.
    await q.query(
      `CREATE UNIQUE INDEX applications_forwarded_from_idx
         ON applications (tenant_id, forwarded_from_tenant_id, forwarded_from_id)
         WHERE forwarded_from_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX applications_forwarded_from_idx`);
    await q.query(`
      ALTER TABLE applications
        DROP CONSTRAINT applications_chain_check,
        DROP CONSTRAINT applications_forwarded_from_check,
        DROP CONSTRAINT applications_forwarded_to_check,
        DROP COLUMN chain_status,
        DROP COLUMN forwarded_from_id, DROP COLUMN forwarded_from_tenant_id,
        DROP COLUMN forwarded_to_id, DROP COLUMN forwarded_to_tenant_id,
        DROP CONSTRAINT applications_status_check`);
    await q.query(
      `ALTER TABLE applications ADD CONSTRAINT applications_status_check
         CHECK (status IN (${STATUSES_BEFORE}))`,
    );
  }
}
