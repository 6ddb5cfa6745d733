/**
 * The calendar page's arithmetic (plain TypeScript): a year's days laid out by month and week
 * (Monday first, as Chinese calendars print), and the problems the server names by field.
 */
export interface DayCell {
  date: string;
  working: boolean | null;
  reason: string;
  holiday: string | null;
  layer: string | null;
}

/** One month as weeks of seven cells (null outside the month), Monday first. */
export function monthWeeks(days: readonly DayCell[], month: number): (DayCell | null)[][] {
  const inMonth = days.filter((day) => Number(day.date.slice(5, 7)) === month);
  if (inMonth.length === 0) return [];
  // 0 = Monday … 6 = Sunday, from the date itself (UTC: no time zone can shift a date).
  const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const cells: (DayCell | null)[] = [...Array(weekday(inMonth[0].date)).fill(null), ...inMonth];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (DayCell | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export interface FieldProblem {
  field: string;
  code: string;
  problem: string;
  problemZh?: string;
}

/** The problems a refusal names, by field, from the error's extensions. */
export function fieldProblems(
  errors: ReadonlyArray<{ extensions?: Record<string, unknown> }>,
): FieldProblem[] {
  return errors.flatMap((error) => {
    const problems = error.extensions?.problems;
    if (!Array.isArray(problems)) return [];
    return problems.filter(
      (p): p is FieldProblem =>
        typeof p === 'object' &&
        p !== null &&
        typeof p.field === 'string' &&
        typeof p.code === 'string',
    );
  });
}

/** The days counted off and worked extra in a year, for the summary line. */
export function yearSummary(days: readonly DayCell[]): {
  daysOff: number;
  madeUp: number;
  working: number;
} {
  return {
    daysOff: days.filter((d) => d.reason === 'DAY_OFF').length,
    madeUp: days.filter((d) => d.reason === 'ADJUSTED_WORKDAY').length,
    working: days.filter((d) => d.working === true).length,
  };
}
