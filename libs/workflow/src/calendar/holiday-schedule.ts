import type { CalendarDay } from './calendar-day';

/** Who declares days off and adjusted workdays (调休上班) of a calendar layer. */
export enum CalendarLayerKind {
  /** The State Council's yearly notice (国务院办公厅关于 20XX 年部分节假日安排的通知). */
  NATIONAL = 'NATIONAL',
  /** A province or autonomous region's own holidays (Guangxi: 壮族三月三). */
  REGIONAL = 'REGIONAL',
  /** A tenant's own additions (a county's local day off, a make-up Saturday). */
  LOCAL = 'LOCAL',
}

/** The document a year's schedule comes from, as it is cited. Unknown parts are null. */
export interface HolidayNotice {
  title: string;
  /** e.g. 国办发明电〔2025〕7号 */
  documentNumber: string | null;
  /** The date the notice bears (YYYY-MM-DD). */
  issuedOn: CalendarDay | null;
}

/**
 * Days off as the notice writes them: a contiguous range, first and last day included,
 * weekend days inside it included ("10月1日至7日放假调休，共7天").
 */
export interface DayOffRange {
  /** The holiday's name as the notice gives it (春节, 壮族三月三). */
  name: string;
  first: CalendarDay;
  last: CalendarDay;
}

/** One year of one layer. */
export interface YearSchedule {
  year: number;
  /** The notice this year is taken from; null for a tenant's local days. */
  notice: HolidayNotice | null;
  daysOff: DayOffRange[];
  /** Weekend days declared working (调休上班 / 补班). */
  adjustedWorkdays: CalendarDay[];
}

/**
 * One layer of a tenant's calendar. NATIONAL and REGIONAL layers are published schedules:
 * a year they have not published is unknown, and counting through it is an error rather
 * than a guess. LOCAL layers only add to what is published.
 */
export interface CalendarLayer {
  kind: CalendarLayerKind;
  /** Who declares it, for people and error messages (国务院办公厅, 广西壮族自治区, 柳城县). */
  name: string;
  /** REGIONAL: the division code prefix of the region it applies to ('45': Guangxi). */
  divisionPrefix: string | null;
  years: YearSchedule[];
}
