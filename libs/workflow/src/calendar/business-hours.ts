import {
  beijingDayNumber,
  beijingMidnightMs,
  beijingMsOfDay,
  epochMs,
  minutesOfClock,
  type Moment,
} from './beijing-time';
import { isWorkingDayNumber, type WorkingCalendar } from './working-calendar';

/** One opening of a hall, Beijing wall time (`HH:MM`, closes after opens). */
export interface BusinessPeriod {
  opens: string;
  closes: string;
}

/** A tenant's business hours on a working day, periods in order of the day. */
export interface BusinessHours {
  periods: BusinessPeriod[];
}

/** 08:30–12:00 and 14:30–17:30, the hours most halls keep. */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  periods: [
    { opens: '08:30', closes: '12:00' },
    { opens: '14:30', closes: '17:30' },
  ],
};

/** Periods as milliseconds since Beijing midnight, checked to be in order and apart. */
export function periodsMs(hours: BusinessHours): { opens: number; closes: number }[] {
  let periods = parsed.get(hours);
  if (!periods) parsed.set(hours, (periods = parsePeriods(hours)));
  return periods;
}

/** Parsed once per hours object (plain data, never changed in place): a deadline asks several times. */
const parsed = new WeakMap<BusinessHours, { opens: number; closes: number }[]>();

function parsePeriods(hours: BusinessHours): { opens: number; closes: number }[] {
  if (hours.periods.length === 0) throw new RangeError('Business hours need at least one period');
  const periods = hours.periods.map((period) => ({
    opens: minutesOfClock(period.opens) * 60_000,
    closes: minutesOfClock(period.closes) * 60_000,
  }));
  periods.forEach((period, i) => {
    if (period.closes <= period.opens || (i > 0 && period.opens < periods[i - 1].closes))
      throw new RangeError('Business periods open before they close and do not overlap');
  });
  return periods;
}

/** Close of business: the end of the day's last period (17:30 by default). */
export function closeOfBusinessMs(hours: BusinessHours): number {
  const periods = periodsMs(hours);
  return periods[periods.length - 1].closes;
}

/** Whether a moment is on a working day inside one of its business periods. */
export function isWorkingTime(
  calendar: WorkingCalendar,
  hours: BusinessHours,
  moment: Moment,
): boolean {
  if (!isWorkingDayNumber(calendar, beijingDayNumber(moment))) return false;
  const ms = beijingMsOfDay(moment);
  return periodsMs(hours).some((period) => ms >= period.opens && ms < period.closes);
}

/**
 * Working time between two moments, in working days: business time elapsed divided by the
 * business time of a day (6.5 h by default), so 0.33 of a working day is measurable.
 * Negative when `to` is before `from`.
 */
export function workingTimeElapsed(
  calendar: WorkingCalendar,
  hours: BusinessHours,
  from: Moment,
  to: Moment,
): number {
  const [start, end] = [epochMs(from), epochMs(to)];
  if (end < start) return -workingTimeElapsed(calendar, hours, to, from);
  const periods = periodsMs(hours);
  const perDay = periods.reduce((sum, period) => sum + period.closes - period.opens, 0);
  let elapsed = 0;
  for (let day = beijingDayNumber(start); day <= beijingDayNumber(end); day++) {
    if (!isWorkingDayNumber(calendar, day)) continue;
    const midnight = beijingMidnightMs(day);
    for (const period of periods) {
      const overlap =
        Math.min(end, midnight + period.closes) - Math.max(start, midnight + period.opens);
      if (overlap > 0) elapsed += overlap;
    }
  }
  return elapsed / perDay;
}

/**
 * The moment `workingDays` of working time (fractional, as `workingTimeElapsed` counts it)
 * before `to`: where the working time left until `to` first equals that much. A deadline's
 * YELLOW moment, e.g. 1 working day before close of business is close of business the working
 * day before.
 */
export function workingTimeBefore(
  calendar: WorkingCalendar,
  hours: BusinessHours,
  to: Moment,
  workingDays: number,
): Date {
  if (!(workingDays >= 0)) throw new RangeError(`A length of working time, not ${workingDays}`);
  const periods = periodsMs(hours);
  const perDay = periods.reduce((sum, period) => sum + period.closes - period.opens, 0);
  let left = Math.round(workingDays * perDay);
  const end = epochMs(to);
  if (left === 0) return new Date(end);
  for (let day = beijingDayNumber(end); ; day--) {
    if (!isWorkingDayNumber(calendar, day)) continue;
    const midnight = beijingMidnightMs(day);
    for (let i = periods.length - 1; i >= 0; i--) {
      const closes = Math.min(end, midnight + periods[i].closes);
      const opens = midnight + periods[i].opens;
      if (closes <= opens) continue;
      if (closes - opens > left) return new Date(closes - left);
      left -= closes - opens;
    }
  }
}

/** What can be wrong with business hours a tenant sets. */
export interface BusinessHoursProblem {
  code:
    'NO_PERIOD' | 'TOO_MANY_PERIODS' | 'TIME_FORMAT' | 'CLOSES_BEFORE_OPENS' | 'PERIODS_OVERLAP';
  field: string;
}

/** Everything wrong with `periods` at once: 1–4 periods of `HH:MM`, in order, apart. */
export function businessHoursProblems(periods: readonly BusinessPeriod[]): BusinessHoursProblem[] {
  if (periods.length === 0) return [{ code: 'NO_PERIOD', field: 'periods' }];
  if (periods.length > 4) return [{ code: 'TOO_MANY_PERIODS', field: 'periods' }];
  const problems: BusinessHoursProblem[] = [];
  const minutes = (clock: string) => {
    try {
      return minutesOfClock(clock);
    } catch {
      return null;
    }
  };
  let previousClose: number | null = null;
  periods.forEach((period, i) => {
    const [opens, closes] = [minutes(period.opens), minutes(period.closes)];
    if (opens === null) problems.push({ code: 'TIME_FORMAT', field: `periods[${i}].opens` });
    if (closes === null) problems.push({ code: 'TIME_FORMAT', field: `periods[${i}].closes` });
    if (opens === null || closes === null) return;
    if (closes <= opens) problems.push({ code: 'CLOSES_BEFORE_OPENS', field: `periods[${i}]` });
    else if (previousClose !== null && opens < previousClose)
      problems.push({ code: 'PERIODS_OVERLAP', field: `periods[${i}]` });
    previousClose = closes;
  });
  return problems;
}
