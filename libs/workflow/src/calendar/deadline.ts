import {
  beijingDayNumber,
  beijingMidnightMs,
  beijingMsOfDay,
  epochMs,
  type Moment,
} from './beijing-time';
import { type CalendarDay, calendarDay } from './calendar-day';
import { type BusinessHours, closeOfBusinessMs } from './business-hours';
import { isWorkingDayNumber, nextWorkingDayNumber, type WorkingCalendar } from './working-calendar';

/**
 * The deadline rules of DESIGN.md §4.2 (issue 11), to the letter:
 *
 * - Day 0 is the effective acceptance day and never counts. An acceptance on a non-working
 *   day, or on a working day at or after close of business (17:30), has the next working day
 *   as day 0; one on a working day before 17:30 — in business hours, before 08:30 or in the
 *   lunch break — has that same day.
 * - A deadline of N working days ends at close of business of the N-th working day after
 *   day 0 (N = 0: close of day 0). Extensions (延期) add working days to N.
 * - A pause (补正, or a procedure the statute excludes: hearing, inspection, expert review)
 *   excludes every working day from its first to its last day, both included. Each end is
 *   shifted by the day-0 rule: a pause that starts or ends on a non-working day or after
 *   17:30 counts as starting or ending on the next working day. Counting resumes on the
 *   working day after the pause's last day and continues from where it stopped; pauses that
 *   overlap exclude their union, and days at or before day 0 never counted anyway.
 *
 * Examples (national calendar, default hours):
 * - accepted Fri 2026-03-06 10:00, 3 days: day 0 Fri; Mon 9, Tue 10, Wed 11 → Wed 17:30.
 * - accepted Fri 2026-03-06 17:30 exactly: day 0 Mon 9; the deadline is Thu 12 17:30.
 * - paused Mon 9 10:00 to Mon 9 16:00: Monday is excluded though work went on that morning;
 *   counting resumes Tue 10 (deadline Thu 12 17:30).
 * - paused Fri 6 18:00 (→ Mon 9) to Sun 8 (→ Mon 9): Monday alone is excluded.
 * - paused Mon 9 09:00 to Wed 11 17:45 (→ Thu 12): Mon–Thu are excluded.
 */

/** A pause of the clock: `to` is null while it lasts. */
export interface ClockPause {
  from: Moment;
  to: Moment | null;
}

/** The working day a moment counts as (day 0 of an acceptance, either end of a pause). */
function effectiveDayNumber(calendar: WorkingCalendar, hours: BusinessHours, moment: Moment) {
  const day = beijingDayNumber(moment);
  if (isWorkingDayNumber(calendar, day) && beijingMsOfDay(moment) < closeOfBusinessMs(hours))
    return day;
  return nextWorkingDayNumber(calendar, day);
}

/** Day 0 of an acceptance at `acceptedAt`. */
export function dayZero(
  calendar: WorkingCalendar,
  hours: BusinessHours,
  acceptedAt: Moment,
): CalendarDay {
  return calendarDay(effectiveDayNumber(calendar, hours, acceptedAt));
}

/**
 * The working days a pause excludes, as its first and last effective day (both working
 * days, first ≤ last).
 */
export function pausedDays(
  calendar: WorkingCalendar,
  hours: BusinessHours,
  pause: { from: Moment; to: Moment },
): { first: CalendarDay; last: CalendarDay } {
  const [first, last] = pauseSpan(calendar, hours, pause);
  return { first: calendarDay(first), last: calendarDay(last) };
}

function pauseSpan(
  calendar: WorkingCalendar,
  hours: BusinessHours,
  pause: { from: Moment; to: Moment },
): [number, number] {
  if (epochMs(pause.to) < epochMs(pause.from)) throw new RangeError('A pause ends after it starts');
  return [
    effectiveDayNumber(calendar, hours, pause.from),
    effectiveDayNumber(calendar, hours, pause.to),
  ];
}

/**
 * The deadline (close of business, as a moment) of `nWorkingDays` (+ `extensionDays`)
 * counted from an acceptance, skipping the working days the pauses exclude. Null while a
 * pause lasts: the clock is stopped and the deadline not yet known.
 */
export function deadline(
  calendar: WorkingCalendar,
  hours: BusinessHours,
  acceptedAt: Moment,
  nWorkingDays: number,
  pauses: readonly ClockPause[] = [],
  extensionDays = 0,
): Date | null {
  const n = nWorkingDays + extensionDays;
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(extensionDays))
    throw new RangeError(`A count of working days, not ${nWorkingDays} + ${extensionDays}`);
  if (pauses.some((pause) => pause.to === null)) return null;
  const excluded = pauses.map((pause) =>
    pauseSpan(calendar, hours, pause as { from: Moment; to: Moment }),
  );

  let day = effectiveDayNumber(calendar, hours, acceptedAt);
  for (let counted = 0; counted < n;) {
    day = nextWorkingDayNumber(calendar, day);
    if (!excluded.some(([first, last]) => day >= first && day <= last)) counted++;
  }
  return new Date(beijingMidnightMs(day) + closeOfBusinessMs(hours));
}
