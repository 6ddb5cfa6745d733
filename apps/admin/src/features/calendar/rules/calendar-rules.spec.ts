import { fieldProblems, monthWeeks, yearSummary } from './calendar-rules';

const day = (date: string, extra = {}) => ({
  date,
  working: true,
  reason: 'WEEKDAY',
  holiday: null,
  layer: null,
  ...extra,
});

describe('calendar page rules', () => {
  it('lays a month out Monday first', () => {
    // February 2026 starts on a Sunday: six blanks, then the 1st.
    const days = Array.from({ length: 28 }, (_, i) =>
      day(`2026-02-${String(i + 1).padStart(2, '0')}`),
    );
    const weeks = monthWeeks(days, 2);
    expect(weeks[0].slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(weeks[0][6]?.date).toBe('2026-02-01');
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(monthWeeks(days, 3)).toEqual([]);
  });

  it('reads the problems a refusal names by field', () => {
    expect(
      fieldProblems([
        {
          extensions: {
            problems: [{ field: 'year', code: 'YEAR_ALREADY_ENTERED', problem: 'x' }, 'junk'],
          },
        },
        { extensions: {} },
      ]),
    ).toEqual([{ field: 'year', code: 'YEAR_ALREADY_ENTERED', problem: 'x' }]);
  });

  it('sums a year', () => {
    expect(
      yearSummary([
        day('2026-02-16', { working: false, reason: 'DAY_OFF' }),
        day('2026-02-14', { reason: 'ADJUSTED_WORKDAY' }),
        day('2026-02-13'),
      ]),
    ).toEqual({ daysOff: 1, madeUp: 1, working: 2 });
  });
});
