import { type CalendarDay, calendarDay, dayNumber, isWeekend, yearOfDay } from './calendar-day';
import { type CalendarLayer, CalendarLayerKind } from './holiday-schedule';

/**
 * A tenant's calendar, composed from its layers: national ← regional ← each ancestor's local
 * days, root first, the tenant's own last. A later layer overrides an earlier one day by day
 * (a region may give a nationally adjusted Saturday off, as Guangxi did in 2017).
 */
export interface WorkingCalendar {
  /**
   * From day number `first` on, one entry per day: 1 working, 0 off, -1 in a year some
   * published layer lacks (one flat array: deadlines are computed by the hundred thousand).
   */
  readonly days: { readonly first: number; readonly flags: Int8Array };
  /** The published layers, to name what is missing when a year is unknown. */
  readonly published: readonly { name: string; years: ReadonlySet<number> }[];
  /** Years counted by weekends alone because no schedule was published (provisionalCalendar). */
  readonly provisionalYears?: ReadonlySet<number>;
}

/** Counting reached a year some published layer has no schedule for. */
export class CalendarYearUnknownError extends Error {
  constructor(
    readonly year: number,
    /** The layers (国务院办公厅, 广西壮族自治区) that have not published the year. */
    readonly missingFrom: string[],
  ) {
    super(`No working-day calendar for ${year} (not entered: ${missingFrom.join(', ')})`);
    this.name = 'CalendarYearUnknownError';
  }
}

/** The layers that make up the calendar of a tenant with this division code. */
export function layersFor(
  divisionCode: string,
  national: CalendarLayer,
  regional: readonly CalendarLayer[],
  localFromRoot: readonly CalendarLayer[] = [],
): CalendarLayer[] {
  return [
    national,
    ...regional.filter(
      (layer) => layer.divisionPrefix && divisionCode.startsWith(layer.divisionPrefix),
    ),
    ...localFromRoot,
  ];
}

/**
 * Compose layers in order. A year is known when every published (national or regional) layer
 * has it; local layers never make a year known, they only change days of known years.
 */
export function composeCalendar(layers: readonly CalendarLayer[]): WorkingCalendar {
  const published = layers
    .filter((layer) => layer.kind !== CalendarLayerKind.LOCAL)
    .map((layer) => ({ name: layer.name, years: new Set(layer.years.map((year) => year.year)) }));
  if (published.length === 0) throw new Error('A calendar needs the national schedule');
  const known = [...published[0].years].filter((year) => published.every((p) => p.years.has(year)));

  if (known.length === 0) return { days: { first: 0, flags: new Int8Array(0) }, published };
  const first = dayNumber(`${Math.min(...known)}-01-01`);
  const flags = new Int8Array(dayNumber(`${Math.max(...known) + 1}-01-01`) - first).fill(-1);
  for (const year of known) {
    const from = dayNumber(`${year}-01-01`) - first;
    const to = dayNumber(`${year + 1}-01-01`) - first;
    for (let i = from; i < to; i++) flags[i] = isWeekend(first + i) ? 0 : 1;
  }
  // Layer by layer, so a later layer overrides; a day of an unknown year stays unknown (a
  // range may run into the next year: 元旦 through 2 January).
  const set = (day: number, working: 0 | 1) => {
    const index = day - first;
    if (index >= 0 && index < flags.length && flags[index] !== -1) flags[index] = working;
  };
  for (const layer of layers) {
    for (const schedule of layer.years) {
      for (const range of schedule.daysOff)
        for (let day = dayNumber(range.first); day <= dayNumber(range.last); day++) set(day, 0);
      for (const day of schedule.adjustedWorkdays) set(dayNumber(day), 1);
    }
  }
  return { days: { first, flags }, published };
}

/** Internal: working day by day number. */
export function isWorkingDayNumber(calendar: WorkingCalendar, day: number): boolean {
  const flag = calendar.days.flags[day - calendar.days.first];
  if (flag === 1) return true;
  if (flag === 0) return false;
  const year = yearOfDay(day);
  throw new CalendarYearUnknownError(
    year,
    calendar.published.filter((layer) => !layer.years.has(year)).map((layer) => layer.name),
  );
}

/**
 * A Monday–Friday that is not a day off, or a weekend day declared an adjusted workday.
 * Throws CalendarYearUnknownError for a year without a published schedule.
 */
export function isWorkingDay(calendar: WorkingCalendar, day: CalendarDay): boolean {
  return isWorkingDayNumber(calendar, dayNumber(day));
}

/** Internal: the first working day strictly after a day number. */
export function nextWorkingDayNumber(calendar: WorkingCalendar, day: number): number {
  let next = day + 1;
  while (!isWorkingDayNumber(calendar, next)) next++;
  return next;
}

export function nextWorkingDay(calendar: WorkingCalendar, day: CalendarDay): CalendarDay {
  return calendarDay(nextWorkingDayNumber(calendar, dayNumber(day)));
}

/**
 * The n-th working day after `fromDay` (which itself never counts, like day 0); n = 0 gives
 * `fromDay` back.
 */
export function addWorkingDays(
  calendar: WorkingCalendar,
  fromDay: CalendarDay,
  n: number,
): CalendarDay {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A count of working days, not ${n}`);
  let day = dayNumber(fromDay);
  for (let i = 0; i < n; i++) day = nextWorkingDayNumber(calendar, day);
  return calendarDay(day);
}

/**
 * The calendar with every day of an unknown year up to `throughYear` counted by the weekday
 * rule alone (Monday–Friday working), those years listed as provisional. For deadlines that
 * run into a year the State Council (or the region) has not published yet: counted
 * provisionally, flagged as such, and counted again once the year is entered.
 */
export function provisionalCalendar(
  calendar: WorkingCalendar,
  throughYear: number,
): WorkingCalendar {
  const { first, flags } = calendar.days;
  const start = flags.length ? first : dayNumber(`${throughYear}-01-01`);
  const end = dayNumber(`${throughYear + 1}-01-01`);
  const length = Math.max(end - start, first + flags.length - start);
  const extended = new Int8Array(length).fill(-1);
  if (flags.length) extended.set(flags, first - start);
  const provisionalYears = new Set<number>(calendar.provisionalYears ?? []);
  for (let i = 0; i < extended.length; i++) {
    if (extended[i] !== -1) continue;
    extended[i] = isWeekend(start + i) ? 0 : 1;
    provisionalYears.add(yearOfDay(start + i));
  }
  return {
    days: { first: start, flags: extended },
    published: calendar.published,
    provisionalYears,
  };
}
