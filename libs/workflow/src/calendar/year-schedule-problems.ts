import { calendarDay, dayNumberOrNull, isWeekend, yearOfDay } from './calendar-day';
import type { YearSchedule } from './holiday-schedule';
import {
  CalendarYearUnknownError,
  isWorkingDayNumber,
  type WorkingCalendar,
} from './working-calendar';

/** Stable codes of what can be wrong with a year the operator enters. */
export type YearScheduleProblemCode =
  | 'YEAR_FORMAT'
  | 'YEAR_ALREADY_ENTERED'
  | 'NAME_REQUIRED'
  | 'DATE_FORMAT'
  | 'DATE_OUTSIDE_YEAR'
  | 'RANGE_REVERSED'
  | 'DAY_LISTED_TWICE'
  | 'DAYS_OFF_ALREADY_OFF'
  | 'ADJUSTED_WORKDAY_ON_WEEKDAY'
  | 'ADJUSTED_WORKDAY_IN_DAYS_OFF'
  | 'ADJUSTED_WORKDAY_ALREADY_WORKING';

export interface YearScheduleProblem {
  code: YearScheduleProblemCode;
  /** Where: `year`, `daysOff[2].first`, `adjustedWorkdays[0]`. */
  field: string;
  message: { zhCN: string; enUS: string };
}

const say = (zhCN: string, enUS: string) => ({ zhCN, enUS });

/**
 * Everything wrong with a year of one layer, all at once. Ranges are kept as the notice
 * writes them (weekends inside included), so the rules are:
 * - every date is a real day of that year; a range's first day is not after its last;
 * - no day is listed twice (in two ranges, twice as a workday, or as both);
 * - an adjusted workday is a Saturday or Sunday, outside every range of days off, and not
 *   already working under the layers below (`below`: national for a region, the tenant's
 *   inherited calendar for a local layer);
 * - a range of days off must take off at least one day that would otherwise be worked:
 *   a range of nothing but ordinary weekend days (or days already off below) declares
 *   nothing and is refused as already off. A weekend day inside a range is fine, and a
 *   weekend day alone is fine where the layers below made it working (Guangxi gave the
 *   nationally adjusted Saturday 2017-04-01 off).
 */
export function yearScheduleProblems(
  schedule: YearSchedule,
  context: { enteredYears: readonly number[]; below?: WorkingCalendar | null },
): YearScheduleProblem[] {
  const problems: YearScheduleProblem[] = [];
  const { year } = schedule;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    problems.push({
      code: 'YEAR_FORMAT',
      field: 'year',
      message: say(
        '年份应为 2000 至 2100 之间的整数',
        'The year is a whole number from 2000 to 2100',
      ),
    });
    return problems;
  }
  if (context.enteredYears.includes(year))
    problems.push({
      code: 'YEAR_ALREADY_ENTERED',
      field: 'year',
      message: say(`${year} 年的安排已录入`, `The schedule of ${year} has already been entered`),
    });

  const workingBelow = (day: number) => {
    if (!context.below) return !isWeekend(day);
    try {
      return isWorkingDayNumber(context.below, day);
    } catch (error) {
      // Layers below without this year yet: judge against the plain week.
      if (error instanceof CalendarYearUnknownError) return !isWeekend(day);
      throw error;
    }
  };
  /** The day number of a date of this year, or null after recording why not. */
  const dayIn = (value: string, field: string): number | null => {
    const day = dayNumberOrNull(value);
    if (day === null) {
      problems.push({
        code: 'DATE_FORMAT',
        field,
        message: say(`“${value}”不是有效日期（年-月-日）`, `"${value}" is not a date (YYYY-MM-DD)`),
      });
      return null;
    }
    if (yearOfDay(day) !== year) {
      problems.push({
        code: 'DATE_OUTSIDE_YEAR',
        field,
        message: say(`${value} 不在 ${year} 年内`, `${value} is not in ${year}`),
      });
      return null;
    }
    return day;
  };
  const listed = new Map<number, string>();
  const listOnce = (day: number, field: string) => {
    const earlier = listed.get(day);
    if (earlier !== undefined)
      problems.push({
        code: 'DAY_LISTED_TWICE',
        field,
        message: say(
          `${calendarDay(day)} 已在 ${earlier} 中列出`,
          `${calendarDay(day)} is already listed at ${earlier}`,
        ),
      });
    else listed.set(day, field);
  };

  const offDays = new Set<number>();
  schedule.daysOff.forEach((range, i) => {
    const field = `daysOff[${i}]`;
    if (!range.name.trim())
      problems.push({
        code: 'NAME_REQUIRED',
        field: `${field}.name`,
        message: say('请填写节日名称', 'Name the holiday'),
      });
    const first = dayIn(range.first, `${field}.first`);
    const last = dayIn(range.last, `${field}.last`);
    if (first === null || last === null) return;
    if (first > last) {
      problems.push({
        code: 'RANGE_REVERSED',
        field,
        message: say(
          `放假起始日 ${range.first} 晚于结束日 ${range.last}`,
          `The first day off ${range.first} is after the last ${range.last}`,
        ),
      });
      return;
    }
    let takesOff = false;
    for (let day = first; day <= last; day++) {
      listOnce(day, field);
      offDays.add(day);
      if (workingBelow(day)) takesOff = true;
    }
    if (!takesOff)
      problems.push({
        code: 'DAYS_OFF_ALREADY_OFF',
        field,
        message: say(
          `${range.first} 至 ${range.last} 本来就是休息日`,
          `${range.first} to ${range.last} are days off already`,
        ),
      });
  });

  schedule.adjustedWorkdays.forEach((value, i) => {
    const field = `adjustedWorkdays[${i}]`;
    const day = dayIn(value, field);
    if (day === null) return;
    if (offDays.has(day))
      problems.push({
        code: 'ADJUSTED_WORKDAY_IN_DAYS_OFF',
        field,
        message: say(`${value} 在放假期间内`, `${value} is inside the days off`),
      });
    else listOnce(day, field);
    if (!isWeekend(day))
      problems.push({
        code: 'ADJUSTED_WORKDAY_ON_WEEKDAY',
        field,
        message: say(
          `调休上班日 ${value} 应为周六或周日`,
          `An adjusted workday is a Saturday or Sunday; ${value} is not`,
        ),
      });
    else if (workingBelow(day))
      problems.push({
        code: 'ADJUSTED_WORKDAY_ALREADY_WORKING',
        field,
        message: say(`${value} 本来就是工作日`, `${value} is a working day already`),
      });
  });
  return problems;
}
