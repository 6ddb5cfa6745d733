import { countingPeriod } from './counting-period';

describe('counting period', () => {
  it('covers Beijing calendar days, both ends included', () => {
    const { start, end, problems } = countingPeriod('2026-12-01', '2026-12-02');
    expect(problems).toEqual([]);
    // Beijing midnight is 16:00 UTC the day before.
    expect(start).toEqual(new Date('2026-11-30T16:00:00.000Z'));
    expect(end).toEqual(new Date('2026-12-02T16:00:00.000Z'));
  });

  it('leaves an end open when it is not given', () => {
    expect(countingPeriod(null, undefined)).toEqual({ start: null, end: null, problems: [] });
    expect(countingPeriod('2026-01-01', null).end).toBeNull();
  });

  it('refuses what is not a day, a period ending before it starts, and one too long', () => {
    expect(countingPeriod('2026-02-30', '2026-13-01').problems.map((p) => p.field)).toEqual([
      'from',
      'to',
    ]);
    expect(countingPeriod('2026-12-02', '2026-12-01').problems).toEqual([
      { field: 'to', code: 'ENDS_BEFORE_START', problem: 'The period ends before it starts' },
    ]);
    expect(countingPeriod('2000-01-01', '2026-12-01').problems.map((p) => p.code)).toEqual([
      'TOO_LONG',
    ]);
    expect(countingPeriod('2026-12-02', '2026-12-02').problems).toEqual([]);
  });
});
