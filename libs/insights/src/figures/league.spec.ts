import { meanOf, rankValues } from './league';

describe('league tables', () => {
  it('ranks the higher rate first, ties sharing a rank, and gives percentiles', () => {
    expect(rankValues('onTimeRate', [0.9, 0.95, 0.9, null, 0.8])).toEqual([
      { value: 0.9, rank: 2, percentile: 0.6667 },
      { value: 0.95, rank: 1, percentile: 1 },
      { value: 0.9, rank: 2, percentile: 0.6667 },
      { value: null, rank: null, percentile: null },
      { value: 0.8, rank: 4, percentile: 0 },
    ]);
  });

  it('ranks the shorter time first and leaves statutory limits unranked', () => {
    expect(rankValues('averageHandlingDays', [3.93, 2.5]).map((r) => r.rank)).toEqual([2, 1]);
    expect(rankValues('averageStatutoryDays', [20, 10]).map((r) => r.rank)).toEqual([null, null]);
    expect(rankValues('redCards', [0]).map((r) => r.percentile)).toEqual([1]);
  });

  it('averages the siblings that have a value', () => {
    expect(meanOf([0.9, null, 0.8], 'RATE')).toBe(0.85);
    expect(meanOf([1, 2], 'COUNT')).toBe(1.5);
    expect(meanOf([null], 'WORKING_DAYS')).toBeNull();
  });
});
