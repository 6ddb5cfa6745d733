import { defaultRatingCutoff, ratedStages } from './default-rating';
import { EvaluationStage } from './rating';

describe('default ratings', () => {
  it('fall due the given natural days after acceptance or completion', () => {
    const now = new Date('2026-03-10T02:00:00Z');
    expect(defaultRatingCutoff(now, 7).toISOString()).toBe('2026-03-03T02:00:00.000Z');
    // Natural days: a weekend counts.
    expect(defaultRatingCutoff(new Date('2026-03-09T02:00:00Z'), 2).toISOString()).toBe(
      '2026-03-07T02:00:00.000Z',
    );
    expect(() => defaultRatingCutoff(now, 0)).toThrow(RangeError);
    expect(() => defaultRatingCutoff(now, 1.5)).toThrow(RangeError);
  });

  it('cover the stages the tenant rates', () => {
    expect(ratedStages({ rateAtAcceptance: true })).toEqual([
      EvaluationStage.ACCEPTANCE,
      EvaluationStage.COMPLETION,
    ]);
    expect(ratedStages({ rateAtAcceptance: false })).toEqual([EvaluationStage.COMPLETION]);
  });
});
