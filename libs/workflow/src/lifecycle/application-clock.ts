import { ApplicationStatus as S } from './application-status';
import type { BusinessHours } from '../calendar/business-hours';
import { workingTimeElapsed } from '../calendar/business-hours';
import { type ClockPause, deadline } from '../calendar/deadline';
import {
  CalendarYearUnknownError,
  provisionalCalendar,
  type WorkingCalendar,
} from '../calendar/working-calendar';

/** The statute's 5 working days to accept or reject what was taken in (DESIGN.md §4.3). */
export const ACCEPTANCE_WORKING_DAYS = 5;

/** What the clock of one application is counted from. */
export interface ClockFacts {
  submittedAt: Date;
  acceptedAt: Date | null;
  /** Working days promised (承诺时限) and allowed by statute (法定时限); null: on the spot or not recorded. */
  promisedDays: number | null;
  statutoryDays: number | null;
  /** Pauses after acceptance; the open one has `to` null. */
  pauses: readonly ClockPause[];
  /** Approved extensions (延期), in working days. */
  extensionDays: number;
}

export interface ClockDeadlines {
  /**
   * Counted into a year whose schedule is not published yet, by weekends alone: to be
   * counted again once the year is entered.
   */
  provisional: boolean;
  /** Close of the 5th working day after intake (day 0 by the acceptance rule). */
  acceptanceDueAt: Date;
  /** Null before acceptance, while the clock is paused, or when there is no limit in days. */
  promisedDeadline: Date | null;
  statutoryDeadline: Date | null;
}

export type Calendar = { calendar: WorkingCalendar; hours: BusinessHours };

const provisionals = new WeakMap<WorkingCalendar, Map<number, WorkingCalendar>>();

/**
 * `count` with the calendar; where it runs into a year not published, again with that year
 * (and the next two) counted by weekends alone, and said to be provisional.
 */
export function countedProvisionally<T>(
  calendar: Calendar,
  count: (calendar: Calendar) => T,
): { value: T; provisional: boolean } {
  try {
    return { value: count(calendar), provisional: false };
  } catch (error) {
    if (!(error instanceof CalendarYearUnknownError)) throw error;
    const through = error.year + 2;
    const cached = provisionals.get(calendar.calendar) ?? new Map<number, WorkingCalendar>();
    provisionals.set(calendar.calendar, cached);
    let weekendsOnly = cached.get(through);
    if (!weekendsOnly) {
      weekendsOnly = provisionalCalendar(calendar.calendar, through);
      cached.set(through, weekendsOnly);
    }
    return { value: count({ ...calendar, calendar: weekendsOnly }), provisional: true };
  }
}

/** The deadlines as they stand (DESIGN.md §4.2, both the promised and the statutory one). */
export function clockDeadlines(calendar: Calendar, facts: ClockFacts): ClockDeadlines {
  const { value, provisional } = countedProvisionally(calendar, ({ calendar, hours }) => {
    const limit = (days: number | null) =>
      facts.acceptedAt === null || days === null
        ? null
        : deadline(calendar, hours, facts.acceptedAt, days, facts.pauses, facts.extensionDays);
    return {
      acceptanceDueAt: deadline(calendar, hours, facts.submittedAt, ACCEPTANCE_WORKING_DAYS)!,
      promisedDeadline: limit(facts.promisedDays),
      statutoryDeadline: limit(facts.statutoryDays),
    };
  });
  return { ...value, provisional };
}

/**
 * While the clock is paused: the promised deadline if work resumed at `now` (the open pause
 * ends now). Null when it is not paused or has no limit in days.
 */
export function deadlineIfResumed(
  { calendar, hours }: Calendar,
  facts: ClockFacts,
  now: Date,
): Date | null {
  if (facts.acceptedAt === null || facts.promisedDays === null) return null;
  if (!facts.pauses.some((pause) => pause.to === null)) return null;
  const closed = facts.pauses.map((pause) => ({ from: pause.from, to: pause.to ?? now }));
  const { acceptedAt, promisedDays, extensionDays } = facts;
  return countedProvisionally({ calendar, hours }, (c) =>
    deadline(c.calendar, c.hours, acceptedAt, promisedDays, closed, extensionDays),
  ).value;
}

/**
 * The moment the center must meet next, the work queue's order: acceptance while it waits at
 * intake, the promised deadline (else the statutory one) while the case is handled; none while
 * the applicant is to act or the clock is paused.
 */
export function dueAt(status: S, deadlines: ClockDeadlines): Date | null {
  switch (status) {
    case S.SUBMITTED:
      return deadlines.acceptanceDueAt;
    case S.ACCEPTED:
    case S.IN_REVIEW:
    case S.APPROVED:
    case S.DENIED:
      return deadlines.promisedDeadline ?? deadlines.statutoryDeadline;
    default:
      return null;
  }
}

/**
 * Working days left until `due` (fractional, from business time), negative once it has
 * passed: -0.33 is a third of a working day late.
 */
export function workingDaysLeft(calendar: Calendar, now: Date, due: Date): number {
  const { value } = countedProvisionally(calendar, (c) =>
    workingTimeElapsed(c.calendar, c.hours, now, due),
  );
  // `|| 0`: no -0 for "due this instant".
  return Math.round(value * 100) / 100 || 0;
}

/** Neither accepted nor rejected within 5 working days of intake (the statute deems it accepted). */
export function acceptanceOverdue(status: S, acceptanceDueAt: Date | null, now: Date): boolean {
  return (
    (status === S.SUBMITTED || status === S.SUPPLEMENT_REQUESTED) &&
    acceptanceDueAt !== null &&
    now.getTime() > acceptanceDueAt.getTime()
  );
}
