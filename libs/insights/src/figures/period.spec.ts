import { monthOf, periodInstants, periodProblem, previousPeriod, yearBefore } from './period';

describe('periods', () => {
  it('refuses a period that ends before it starts, runs too long, or names no day', () => {
    expect(periodProblem({ from: '2026-11-30', to: '2026-11-01' })).toBe('ENDS_BEFORE_START');
    expect(periodProblem({ from: '2023-01-01', to: '2026-12-31' })).toBe('TOO_LONG');
    expect(periodProblem({ from: '2026-02-30', to: '2026-03-01' })).toBe('BAD_DATE');
    expect(periodProblem({ from: '2026-11', to: '2026-11-30' })).toBe('BAD_DATE');
    expect(periodProblem({ from: '2025-01-01', to: '2026-12-31' })).toBeNull();
  });

  it('compares month on month and year on year', () => {
    expect(monthOf('2026-02-17')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod(monthOf('2026-03-05'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-03-31' })).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(previousPeriod({ from: '2026-11-10', to: '2026-11-16' })).toEqual({
      from: '2026-11-03',
      to: '2026-11-09',
    });
    expect(yearBefore({ from: '2028-02-01', to: '2028-02-29' })).toEqual({
      from: '2027-02-01',
      to: '2027-02-28',
    });
  });

  it('spans Beijing days as instants', () => {
    expect(periodInstants({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      start: new Date('2026-10-31T16:00:00Z'),
      end: new Date('2026-11-30T16:00:00Z'),
    });
  });
});
