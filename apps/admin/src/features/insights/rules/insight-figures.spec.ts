import {
  beijingToday,
  csvOf,
  fileNameOf,
  formatFigure,
  lastTwelveMonths,
  monthsOf,
  periodAround,
  periodChoices,
} from './insight-figures';

describe('insight figures as shown', () => {
  it('shows rates as percentages and days to two decimals, nothing as a dash', () => {
    expect(formatFigure(0.9565, 'RATE')).toBe('95.65%');
    expect(formatFigure(1, 'RATE')).toBe('100.00%');
    expect(formatFigure(3.9, 'WORKING_DAYS')).toBe('3.90');
    expect(formatFigure(42, 'COUNT')).toBe('42');
    expect(formatFigure(null, 'RATE')).toBe('—');
    expect(formatFigure(undefined, 'COUNT')).toBe('—');
  });

  it('picks a month, a quarter and a year, not past today', () => {
    expect(periodAround('month', '2026-02-10', '2026-12-03')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(periodAround('month', '2026-12-01', '2026-12-03')).toEqual({
      from: '2026-12-01',
      to: '2026-12-03',
    });
    expect(periodAround('quarter', '2026-08-31', '2026-12-03')).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(periodAround('year', '2025-05-05', '2026-12-03')).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(periodAround('year', '2026-05-05', '2026-12-03')).toEqual({
      from: '2026-01-01',
      to: '2026-12-03',
    });
    expect(periodAround('month', '2024-02-02', '2026-01-01').to).toBe('2024-02-29');
  });

  it('spans twelve months for the trend, across a year end', () => {
    expect(lastTwelveMonths('2026-12-03')).toEqual({ from: '2026-01-01', to: '2026-12-03' });
    expect(lastTwelveMonths('2026-03-15')).toEqual({ from: '2025-04-01', to: '2026-03-15' });
  });

  it('counts today in Beijing', () => {
    expect(beijingToday(new Date('2026-12-03T17:00:00Z'))).toBe('2026-12-04');
    expect(beijingToday(new Date('2026-12-03T15:59:00Z'))).toBe('2026-12-03');
  });

  it('writes CSV with a byte order mark, quoting, and no formulas', () => {
    const csv = csvOf([
      ['名称', '办结量'],
      ['马山乡, 柳城县', '12'],
      ['=HYPERLINK("x")', '-3'],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFF名称,办结量\r\n"马山乡, 柳城县",12\r\n"\'=HYPERLINK(""x"")",-3\r\n');
  });

  it('makes a file name without separators', () => {
    expect(fileNameOf('统计', '柳城县', '2026-12-01/2026-12-03')).toBe(
      '统计-柳城县-2026-12-01_2026-12-03',
    );
  });
});

describe('period choices', () => {
  it('lists months, quarters and years newest first', () => {
    expect(periodChoices('month', '2026-02-10', 3)).toEqual([
      '2026-02-01',
      '2026-01-01',
      '2025-12-01',
    ]);
    expect(periodChoices('quarter', '2026-05-10', 3)).toEqual([
      '2026-04-01',
      '2026-01-01',
      '2025-10-01',
    ]);
    expect(periodChoices('year', '2026-05-10', 2)).toEqual(['2026-01-01', '2025-01-01']);
  });
});

describe('months of a trend', () => {
  it('names every month of the period, across a year end', () => {
    expect(monthsOf({ from: '2025-11-01', to: '2026-02-03' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsOf(lastTwelveMonths('2026-12-03'))).toHaveLength(12);
    expect(monthsOf({ from: '2026-03-01', to: '2026-02-01' })).toEqual([]);
  });
});
