import { EntityManager } from 'typeorm';
import { formatReceiptNumber, receiptPrefixOf } from './receipt-number';

/**
 * The next receipt number of a hall for the day (Beijing time) of `at`, in the caller's
 * transaction. The counter row is locked until the transaction ends, so concurrent intakes at
 * one hall are numbered one after the other and never twice.
 */
export async function takeReceiptNumber(
  manager: EntityManager,
  hall: { tenantId: string; receiptPrefix: string | null; divisionCode: string },
  at: Date | null = null,
): Promise<string> {
  const [counter] = await manager.query(
    `INSERT INTO receipt_counters AS c (tenant_id, day, last_number)
     VALUES ($1, (coalesce($2::timestamptz, now()) AT TIME ZONE 'Asia/Shanghai')::date, 1)
     ON CONFLICT (tenant_id, day) DO UPDATE SET last_number = c.last_number + 1
     RETURNING to_char(c.day, 'YYYYMMDD') AS day, c.last_number AS "lastNumber"`,
    [hall.tenantId, at],
  );
  return formatReceiptNumber(receiptPrefixOf(hall), counter.day, counter.lastNumber);
}
