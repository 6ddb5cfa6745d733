import { type CalendarDay, calendarDay, dayNumber, isWeekend, yearOfDay } from './calendar-day';
import { type CalendarLayer, CalendarLayerKind } from './holiday-schedule';

/**
 * A tenant's calendar, composed from its layers: national ← regional ← each ancestor's local
 * days, root first, the tenant's own last. A later layer overrides an earlier one day by day
 * (a region may give a nationally adjusted Saturday off, as Guangxi did in 2017).
 */
export interface WorkingCalendar {
  /** Per known year: its first day number and 1 (working) or 0 (off) per day of the year. */
  readonly years: ReadonlyMap<number, { first: number; flags: Uint8Array }>;
  /** The published layers, to name what is missing when a year is unknown. */
  readonly published: readonly { name: string; years: ReadonlySet<number> }[];
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

  const years = new Map<number, { first: number; flags: Uint8Array }>();
  for (const year of known) {
    const first = dayNumber(`${year}-01-01`);
    const flags = new Uint8Array(dayNumber(`${year + 1}-01-01`) - first);
    for (let i = 0; i < flags.length; i++) flags[i] = isWeekend(first + i) ? 0 : 1;
    const set = (day: CalendarDay, working: 0 | 1) => {
      const index = dayNumber(day) - first;
      // A range may run into the next year (a notice's 元旦 through 2 January); each year
      // keeps its own days.
      if (index >= 0 && index < flags.length) flags[index] = working;
    };
    for (const layer of layers) {
      for (const schedule of layer.years) {
        for (const range of schedule.daysOff) {
          for (let day = dayNumber(range.first); day <= dayNumber(range.last); day++)
            set(calendarDay(day), 0);
        }
        for (const day of schedule.adjustedWorkdays) set(day, 1);
      }
    }
    years.set(year, { first, flags });
  }
  return { years, published };
}

function yearOf(calendar: WorkingCalendar, year: number) {
  const known = calendar.years.get(year);
  if (!known)
    throw new CalendarYearUnknownError(
      year,
      calendar.published.filter((layer) => !layer.years.has(year)).map((layer) => layer.name),
    );
  return known;
}

/** Internal: working day by day number. */
export function isWorkingDayNumber(calendar: WorkingCalendar, day: number): boolean {
  const { first, flags } = yearOf(calendar, yearOfDay(day));
  return flags[day - first] === 1;
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
