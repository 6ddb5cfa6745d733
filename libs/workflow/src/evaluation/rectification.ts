import type { BusinessHours } from '../calendar/business-hours';
import { deadline } from '../calendar/deadline';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { countedProvisionally } from '../lifecycle/application-clock';

/**
 * 差评整改 (DESIGN.md §4.4): a bad review opens a case, due in the tenant's rectification
 * working days; the manager calls the rater back (回访) and closes it with an outcome; the staff
 * member concerned may appeal (申诉) while it is open, and a supervisor decides: upheld voids the
 * case (a mistaken or malicious review), dismissed sends it back to be rectified.
 */
export enum RectificationStatus {
  OPEN = 'OPEN',
  APPEALED = 'APPEALED',
  CLOSED = 'CLOSED',
  VOIDED = 'VOIDED',
}

export enum AppealDecision {
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}

/** Why an act on a case is refused (each has its own message in the admin app). */
export type RectificationRefusal =
  'NOT_OPEN' | 'NO_CALLBACK' | 'NOT_APPEALED' | 'CALLED_IN_FUTURE' | 'CALLED_BEFORE_REVIEW';

/** The rectification is due at close of business of the N-th working day after the review. */
export function rectificationDue(
  calendar: { calendar: WorkingCalendar; hours: BusinessHours },
  reviewedAt: Date,
  workingDays: number,
) {
  const { value, provisional } = countedProvisionally(calendar, (c) =>
    deadline(c.calendar, c.hours, reviewedAt, workingDays),
  );
  return { dueAt: value!, provisional };
}

/**
 * Callbacks are recorded while the case is open (an appeal does not stop the call), at a time
 * between the review and now; times are given to the minute, so the review's own minute counts.
 */
export function callbackRefusal(
  status: RectificationStatus,
  openedAt: Date,
  calledAt: Date,
  now: Date,
): RectificationRefusal | null {
  if (status !== RectificationStatus.OPEN && status !== RectificationStatus.APPEALED) {
    return 'NOT_OPEN';
  }
  if (calledAt.getTime() > now.getTime()) return 'CALLED_IN_FUTURE';
  if (calledAt.getTime() < Math.floor(openedAt.getTime() / 60_000) * 60_000) {
    return 'CALLED_BEFORE_REVIEW';
  }
  return null;
}

/** Closed only while open (not under appeal) and once the rater has been called back. */
export function closeRefusal(
  status: RectificationStatus,
  callbacks: number,
): RectificationRefusal | null {
  if (status !== RectificationStatus.OPEN) return 'NOT_OPEN';
  if (callbacks < 1) return 'NO_CALLBACK';
  return null;
}

/** An appeal is filed against an open case, one at a time. */
export function appealRefusal(status: RectificationStatus): RectificationRefusal | null {
  return status === RectificationStatus.OPEN ? null : 'NOT_OPEN';
}

/** What deciding an appeal makes of the case. */
export function afterAppeal(
  status: RectificationStatus,
  decision: AppealDecision,
): RectificationStatus.VOIDED | RectificationStatus.OPEN | 'NOT_APPEALED' {
  if (status !== RectificationStatus.APPEALED) return 'NOT_APPEALED';
  return decision === AppealDecision.UPHELD ? RectificationStatus.VOIDED : RectificationStatus.OPEN;
}
