/**
 * Receipt numbers (回执编号) are what the applicant holds and reads out on the phone:
 * the hall's letters, the day of intake in Beijing time and a sequence of that day,
 * e.g. LC-20261127-0007. Unique per tenant (the counter is per tenant and day).
 */
export function formatReceiptNumber(prefix: string, day: string, sequence: number): string {
  if (!/^\d{8}$/.test(day)) throw new Error(`A receipt day is YYYYMMDD, not ${day}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error('A sequence starts at 1');
  return `${prefix}-${day}-${String(sequence).padStart(4, '0')}`;
}

/** The hall's own letters when it has them, its division code otherwise. */
export function receiptPrefixOf(tenant: { receiptPrefix: string | null; divisionCode: string }) {
  return tenant.receiptPrefix ?? tenant.divisionCode;
}
