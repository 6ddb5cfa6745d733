import { beijingDayNumber, beijingMsOfDay } from '../calendar/beijing-time';
import { type BusinessHours, closeOfBusinessMs, periodsMs } from '../calendar/business-hours';
import { calendarDay, type CalendarDay, dayNumberOrNull } from '../calendar/calendar-day';
import { isWorkingDayNumber, type WorkingCalendar } from '../calendar/working-calendar';

/**
 * Attendance (考勤), issue 12: a staff member's clock events against the tenant's working days
 * and business hours. Plain rules; the service reads and writes.
 */

export enum ClockDirection {
  IN = 'IN',
  OUT = 'OUT',
}

export interface ClockEvent {
  at: Date;
  direction: ClockDirection;
}

/** How far ahead of the server's clock a terminal's clock may run. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export type ClockEventRefusal = 'FUTURE' | 'OUT_OF_ORDER';

/**
 * Why a new terminal event is refused, or null. FUTURE: more than 5 minutes ahead of `now`;
 * OUT_OF_ORDER: older than the newest event a terminal already recorded for that person (a
 * replay is answered before this check, from the row already there).
 */
export function clockEventRefusal(
  at: Date,
  now: Date,
  newestRecorded: Date | null,
): ClockEventRefusal | null {
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return 'FUTURE';
  if (newestRecorded && at.getTime() < newestRecorded.getTime()) return 'OUT_OF_ORDER';
  return null;
}

/**
 * A terminal sending an event id again: the same event (a replay, answered as before) or a
 * different one under an id already used (refused).
 */
export function isSameEvent(
  recorded: ClockEvent & { userId: string },
  sent: ClockEvent & { userId: string },
): boolean {
  return (
    recorded.userId === sent.userId &&
    recorded.direction === sent.direction &&
    recorded.at.getTime() === sent.at.getTime()
  );
}

export interface DayRecord {
  present: boolean;
  /** The first clock-in came after opening, or there was none. */
  late: boolean;
  /** The last clock-out came before closing, or there was none. */
  leftEarly: boolean;
}

/**
 * One working day of one person from that day's events: present with any event; late unless
 * the first IN is at or before the first opening; left early unless the last OUT is at or
 * after close of business. A day with no event is absent (neither late nor early).
 */
export function dayRecord(events: readonly ClockEvent[], hours: BusinessHours): DayRecord {
  if (events.length === 0) return { present: false, late: false, leftEarly: false };
  const opens = periodsMs(hours)[0].opens;
  const closes = closeOfBusinessMs(hours);
  const ins = events
    .filter((e) => e.direction === ClockDirection.IN)
    .map((e) => beijingMsOfDay(e.at));
  const outs = events
    .filter((e) => e.direction === ClockDirection.OUT)
    .map((e) => beijingMsOfDay(e.at));
  return {
    present: true,
    late: ins.length === 0 || Math.min(...ins) > opens,
    leftEarly: outs.length === 0 || Math.max(...outs) < closes,
  };
}

export interface MonthSummary {
  workingDays: number;
  present: number;
  late: number;
  leftEarly: number;
  absent: number;
}

export interface Month {
  month: string;
  /** Day numbers of its first and last day. */
  first: number;
  last: number;
}

/** A `YYYY-MM` month, or null for anything else. */
export function parseMonth(month: string): Month | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return null;
  const first = dayNumberOrNull(`${month}-01`);
  if (first === null) return null;
  let last = first;
  while (calendarDay(last + 1).startsWith(month)) last += 1;
  return { month, first, last };
}

/** The month's working days (holidays out, make-up weekend days in) up to `through` (a day number). */
export function workingDaysOf(calendar: WorkingCalendar, month: Month, through: number): number[] {
  const days: number[] = [];
  for (let day = month.first; day <= Math.min(month.last, through); day += 1) {
    if (isWorkingDayNumber(calendar, day)) days.push(day);
  }
  return days;
}

/**
 * A person's month: each working day up to `today` (Beijing) counted once, from that day's
 * events; events on days off do not count. Today is counted only once it has events (the day
 * is not over yet), days after it not at all.
 */
export function monthSummary(
  calendar: WorkingCalendar,
  hours: BusinessHours,
  month: Month,
  events: readonly ClockEvent[],
  now: Date,
): MonthSummary {
  const today = beijingDayNumber(now);
  const byDay = new Map<number, ClockEvent[]>();
  for (const event of events) {
    const day = beijingDayNumber(event.at);
    byDay.set(day, [...(byDay.get(day) ?? []), event]);
  }
  const summary: MonthSummary = { workingDays: 0, present: 0, late: 0, leftEarly: 0, absent: 0 };
  for (const day of workingDaysOf(calendar, month, today)) {
    const dayEvents = byDay.get(day) ?? [];
    if (day === today && dayEvents.length === 0) continue;
    const record = dayRecord(dayEvents, hours);
    summary.workingDays += 1;
    if (!record.present) summary.absent += 1;
    else {
      summary.present += 1;
      if (record.late) summary.late += 1;
      // Today's leaving is not known until the day is over.
      if (record.leftEarly && day !== today) summary.leftEarly += 1;
    }
  }
  return summary;
}

export type { CalendarDay };
