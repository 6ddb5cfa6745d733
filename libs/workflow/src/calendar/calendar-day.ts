/**
 * A calendar day as the notices and the operator write it: `YYYY-MM-DD`, a day of the
 * Beijing calendar. Arithmetic runs on day numbers (days since 1970-01-01), which need no
 * time zone at all.
 */
export type CalendarDay = string;

const MS_PER_DAY = 86_400_000;
const DAY_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a real `YYYY-MM-DD` day, or null for anything else (2026-02-30). */
export function dayNumberOrNull(day: string): number | null {
  const match = DAY_FORMAT.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return null;
  if (back.getUTCDate() !== date) return null;
  return ms / MS_PER_DAY;
}

export function dayNumber(day: CalendarDay): number {
  const number = dayNumberOrNull(day);
  if (number === null) throw new RangeError(`Not a calendar day: ${day}`);
  return number;
}

export function calendarDay(dayNumber: number): CalendarDay {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOfDay(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

export { MS_PER_DAY };
