import { beijingMidnightMs } from '../calendar/beijing-time';
import { dayNumberOrNull } from '../calendar/calendar-day';

/** Stable codes of period problems. */
export type PeriodProblemCode = 'NOT_A_DAY' | 'ENDS_BEFORE_START' | 'TOO_LONG';

export interface PeriodProblem {
  field: 'from' | 'to';
  code: PeriodProblemCode;
  problem: string;
}

/** Counts and lists span at most ten years (a yearly summary compares a few). */
export const PERIOD_MAX_DAYS = 3660;

/**
 * The instants a period of Beijing calendar days covers, `from` and `to` both included
 * (YYYY-MM-DD): [midnight starting `from`, midnight ending `to`). Either end may be open.
 */
export function countingPeriod(
  from: string | null | undefined,
  to: string | null | undefined,
): { start: Date | null; end: Date | null; problems: PeriodProblem[] } {
  const problems: PeriodProblem[] = [];
  const day = (field: 'from' | 'to', value: string | null | undefined) => {
    if (value === null || value === undefined) return null;
    const number = dayNumberOrNull(value);
    if (number === null) {
      problems.push({ field, code: 'NOT_A_DAY', problem: 'A calendar day, YYYY-MM-DD' });
    }
    return number;
  };
  const first = day('from', from);
  const last = day('to', to);
  if (first !== null && last !== null) {
    if (last < first) {
      problems.push({
        field: 'to',
        code: 'ENDS_BEFORE_START',
        problem: 'The period ends before it starts',
      });
    } else if (last - first + 1 > PERIOD_MAX_DAYS) {
      problems.push({
        field: 'to',
        code: 'TOO_LONG',
        problem: `At most ${PERIOD_MAX_DAYS} days`,
      });
    }
  }
  return {
    start: first === null ? null : new Date(beijingMidnightMs(first)),
    end: last === null ? null : new Date(beijingMidnightMs(last + 1)),
    problems,
  };
}
