/** A span of Beijing days, both ends included (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

/** At most about two years at once: year on year compares two of them. */
export const MAX_PERIOD_DAYS = 732;

export type PeriodProblem = 'BAD_DATE' | 'ENDS_BEFORE_START' | 'TOO_LONG';

const DAY_MS = 24 * 3600 * 1000;

function dayNumber(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return null;
  return ms / DAY_MS;
}

function dayOf(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** Why a period cannot be read, or null when it can. */
export function periodProblem(period: Period): PeriodProblem | null {
  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  if (from === null || to === null) return 'BAD_DATE';
  if (to < from) return 'ENDS_BEFORE_START';
  if (to - from + 1 > MAX_PERIOD_DAYS) return 'TOO_LONG';
  return null;
}

export function periodDays(period: Period): number {
  return dayNumber(period.to)! - dayNumber(period.from)! + 1;
}

/** The month of a day ('2026-11-17' → 2026-11-01 … 2026-11-30). */
export function monthOf(day: string): Period {
  const [year, month] = day.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

/** The period as long as this one just before it (month on month for a month). */
export function previousPeriod(period: Period): Period {
  const from = dayNumber(period.from)!;
  const to = dayNumber(period.to)!;
  const whole = monthOf(period.from);
  if (period.from === whole.from && period.to === monthOf(period.to).to) {
    // Whole months: the same number of whole months before.
    const months = monthsBetween(period.from, period.to);
    return {
      from: shiftMonths(period.from, -months),
      to: monthOf(shiftMonths(period.from, -1)).to,
    };
  }
  const length = to - from + 1;
  return { from: dayOf(from - length), to: dayOf(from - 1) };
}

/** The same days a year before (year on year); 29 February becomes 28 February. */
export function yearBefore(period: Period): Period {
  const back = (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
    return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  };
  return { from: back(period.from), to: back(period.to) };
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

function shiftMonths(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1 + months, 1));
  return date.toISOString().slice(0, 10);
}

/** The instants a period spans: Beijing midnight of its first day, and of the day after its last. */
export function periodInstants(period: Period): { start: Date; end: Date } {
  const next = new Date(Date.parse(`${period.to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return {
    start: new Date(`${period.from}T00:00:00+08:00`),
    end: new Date(`${next}T00:00:00+08:00`),
  };
}
