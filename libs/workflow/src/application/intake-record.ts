import { EntityManager } from 'typeorm';
import type { IntakeDetails } from './applicant';
import { ApplicationStatus } from './application-status';
import { takeReceiptNumber } from './receipt-counter';

/**
 * Writes an intake (收件) in the caller's transaction: the receipt number, the application
 * SUBMITTED and its first event. Checks of who may take it in, and where, come before.
 * `at` is the time of intake (now when null; the demo seed dates its applications back).
 */
export async function recordIntake(
  manager: EntityManager,
  input: {
    hall: { tenantId: string; receiptPrefix: string | null; divisionCode: string };
    windowId: string;
    intake: IntakeDetails;
    submittedBy: string;
    at?: Date | null;
  },
): Promise<{ id: string; receiptNumber: string }> {
  const { hall, intake } = input;
  const at = input.at ?? null;
  const receiptNumber = await takeReceiptNumber(manager, hall, at);
  const [created] = await manager.query(
    `INSERT INTO applications (tenant_id, receipt_number, window_id, item_code, item_name,
                               applicant_name, applicant_id_number, applicant_phone, status,
                               submitted_at, submitted_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10::timestamptz, now()), $11)
     RETURNING id, submitted_at AS "submittedAt"`,
    [
      hall.tenantId,
      receiptNumber,
      input.windowId,
      intake.itemCode,
      intake.itemName,
      intake.applicant.name,
      intake.applicant.idNumber,
      intake.applicant.phone,
      ApplicationStatus.SUBMITTED,
      at,
      input.submittedBy,
    ],
  );
  await manager.query(
    `INSERT INTO application_events (tenant_id, application_id, from_status, to_status, actor_id,
                                     occurred_at)
     VALUES ($1, $2, NULL, $3, $4, $5)`,
    [
      hall.tenantId,
      created.id,
      ApplicationStatus.SUBMITTED,
      input.submittedBy,
      created.submittedAt,
    ],
  );
  return { id: created.id, receiptNumber };
}
