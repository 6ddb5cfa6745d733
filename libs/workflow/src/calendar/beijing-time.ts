import { type CalendarDay, dayNumber, MS_PER_DAY } from './calendar-day';

/**
 * Beijing time is UTC+8 all year (no daylight saving), so a moment's wall time is plain
 * arithmetic on epoch milliseconds. Nothing here reads the machine's time zone: the servers
 * and the test runners may sit anywhere.
 */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** A moment: a Date or epoch milliseconds. */
export type Moment = Date | number;

export const epochMs = (moment: Moment): number =>
  typeof moment === 'number' ? moment : moment.getTime();

/** The day number of the Beijing calendar day a moment falls on. */
export function beijingDayNumber(moment: Moment): number {
  return Math.floor((epochMs(moment) + BEIJING_OFFSET_MS) / MS_PER_DAY);
}

/** Milliseconds since Beijing midnight of the moment's day. */
export function beijingMsOfDay(moment: Moment): number {
  const shifted = epochMs(moment) + BEIJING_OFFSET_MS;
  return shifted - Math.floor(shifted / MS_PER_DAY) * MS_PER_DAY;
}

/** Epoch milliseconds of Beijing midnight starting a day number. */
export function beijingMidnightMs(day: number): number {
  return day * MS_PER_DAY - BEIJING_OFFSET_MS;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of an `HH:MM` wall-clock time (24:00 is not a time of day). */
export function minutesOfClock(clock: string): number {
  const match = CLOCK.exec(clock);
  if (!match) throw new RangeError(`Not an HH:MM time: ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The moment a Beijing wall clock shows `clock` on `day` (e.g. 2026-02-13, 17:30). */
export function beijingMoment(day: CalendarDay, clock: string): Date {
  return new Date(beijingMidnightMs(dayNumber(day)) + minutesOfClock(clock) * 60_000);
}
