import {
  isBadReview,
  isRating,
  nationalSatisfactionCode,
  RATING_LEVELS,
  ratingFromNationalCode,
} from './rating';

describe('ratings (5 = very satisfied) and the national code (1 = very satisfied)', () => {
  it('accepts the whole numbers 1–5 and nothing else', () => {
    expect(RATING_LEVELS.every(isRating)).toBe(true);
    for (const bad of [0, 6, -1, 2.5, Number.NaN, '3', null, undefined]) {
      expect(isRating(bad)).toBe(false);
    }
  });

  it('calls 1 and 2 bad reviews, 3 to 5 not', () => {
    expect(RATING_LEVELS.filter(isBadReview)).toEqual([2, 1]);
  });

  it('converts to the national code the other way round, and back', () => {
    expect(RATING_LEVELS.map(nationalSatisfactionCode)).toEqual([1, 2, 3, 4, 5]);
    expect(nationalSatisfactionCode(5)).toBe(1); // 非常满意
    expect(nationalSatisfactionCode(1)).toBe(5); // 非常不满意
    for (const rating of RATING_LEVELS) {
      expect(ratingFromNationalCode(nationalSatisfactionCode(rating))).toBe(rating);
    }
    expect(() => ratingFromNationalCode(0)).toThrow(RangeError);
    expect(() => ratingFromNationalCode(6)).toThrow(RangeError);
  });
});
