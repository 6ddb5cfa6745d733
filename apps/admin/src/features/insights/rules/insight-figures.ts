/**
 * The insights page's plain rules: which figures the league table shows, how a figure reads
 * (rates as percentages, working days to two decimals), the periods one picks, and the
 * spreadsheet (CSV) a table is exported as.
 */
import type { InsightFigureKey, InsightFigureUnit } from '../../../shared/api/graphql.generated';

/** The league table's columns, in order. */
export const TABLE_FIGURES: readonly InsightFigureKey[] = [
  'submissions',
  'acceptances',
  'completions',
  'completionRate',
  'onTimeRate',
  'openOverdue',
  'averageAcceptanceDays',
  'averageHandlingDays',
  'evaluationRate',
  'satisfactionRate',
  'badReviews',
  'yellowCards',
  'redCards',
];

/** A figure's value as shown: a count, a percentage to two decimals, days to two decimals. */
export function formatFigure(value: number | null | undefined, unit: InsightFigureUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'RATE':
      return `${(value * 100).toFixed(2)}%`;
    case 'WORKING_DAYS':
      return value.toFixed(2);
    default:
      return String(Math.round(value));
  }
}

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The month, quarter or year around a day (YYYY-MM-DD); not past `today`, since the figures of
 * days to come are nothing yet.
 */
export function periodAround(
  kind: Exclude<PeriodKind, 'custom'>,
  day: string,
  today: string,
): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  let from: string;
  let to: string;
  if (kind === 'month') {
    from = dayOf(year, month, 1);
    to = dayOf(year, month, lastDayOf(year, month));
  } else if (kind === 'quarter') {
    const first = Math.floor((month - 1) / 3) * 3 + 1;
    from = dayOf(year, first, 1);
    to = dayOf(year, first + 2, lastDayOf(year, first + 2));
  } else {
    from = dayOf(year, 1, 1);
    to = dayOf(year, 12, 31);
  }
  return { from, to: to > today && from <= today ? today : to };
}

/** The twelve months up to `today`'s (the trend): from the first day eleven months before. */
export function lastTwelveMonths(today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const start = new Date(Date.UTC(year, month - 12, 1));
  return { from: dayOf(start.getUTCFullYear(), start.getUTCMonth() + 1, 1), to: today };
}

/** Today in Beijing (YYYY-MM-DD), whatever the browser's time zone. */
export function beijingToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A cell as a spreadsheet reads it: quoted when needed, never taken for a formula. */
function csvCell(value: string): string {
  const safe = /^[=+@\t\r]/.test(value) || /^-[^\d]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV with a UTF-8 byte order mark, so that Excel reads the Chinese right. */
export function csvOf(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A name fit for a downloaded file (no path separators or reserved characters). */
export function fileNameOf(...parts: string[]): string {
  return parts
    .join('-')
    .replace(/[\\/:*?"<>|\s]+/g, '_')
    .slice(0, 120);
}

/**
 * The months, quarters or years one may pick, newest first, each named by its first day
 * (YYYY-MM-DD): `count` of them up to today's.
 */
export function periodChoices(
  kind: Exclude<PeriodKind, 'custom'>,
  today: string,
  count: number,
): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const step = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const first =
    kind === 'month' ? month : kind === 'quarter' ? Math.floor((month - 1) / 3) * 3 + 1 : 1;
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(year, first - 1 - i * step, 1));
    return dayOf(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
  });
}

/** Every month (YYYY-MM) a period touches, so that a trend shows the months without figures too. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  while (`${year}-${pad(month)}` <= last) {
    months.push(`${year}-${pad(month)}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
