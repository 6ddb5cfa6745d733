/**
 * 考勤 in the admin app, as plain TypeScript: the month shown, the moment a hand entry names,
 * and what each refusal of the server means.
 */
import { graphQLErrorsOf } from '../../../shared/api/errors';

/** The `YYYY-MM` month a moment falls in, local time. */
export function monthOf(moment: Date): string {
  return `${moment.getFullYear()}-${String(moment.getMonth() + 1).padStart(2, '0')}`;
}

/** A `<input type="month">` value, or null for anything else. */
export function parseMonthInput(value: string): string | null {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : null;
}

/** A `<input type="datetime-local">` value for a moment (local time, to the minute). */
export function localDateTimeInput(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}` +
    `T${pad(moment.getHours())}:${pad(moment.getMinutes())}`
  );
}

/** The refusals the app explains in its own words. */
export const KNOWN_REASONS = ['FUTURE', 'BAD_MONTH', 'CALENDAR_YEAR_UNKNOWN'] as const;
export type KnownReason = (typeof KNOWN_REASONS)[number];

export function reasonOf(error: unknown): KnownReason | null {
  const reason = graphQLErrorsOf(error)[0]?.extensions?.reason;
  return (KNOWN_REASONS as readonly unknown[]).includes(reason) ? (reason as KnownReason) : null;
}
