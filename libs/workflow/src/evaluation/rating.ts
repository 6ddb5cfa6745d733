/**
 * The five levels of 好差评 (DESIGN.md §4.4) as Tongban stores them: 5 = very satisfied (非常满意)
 * … 1 = very dissatisfied (非常不满意); 1–2 are bad reviews (差评), each of which is rectified.
 */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type Rating = (typeof RATING_LEVELS)[number];

/** How a rating came in. DEFAULT: none was given in time (kept apart from active ones). */
export enum EvaluationChannel {
  DEVICE = 'DEVICE',
  LINK = 'LINK',
  PORTAL = 'PORTAL',
  DEFAULT = 'DEFAULT',
}

/** What is rated: acceptance (受理, promised items where the tenant says so) or completion (办结). */
export enum EvaluationStage {
  ACCEPTANCE = 'ACCEPTANCE',
  COMPLETION = 'COMPLETION',
}

/** Whether a value is one of the five levels (a whole number 1–5). */
export function isRating(value: unknown): value is Rating {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** 不满意 and 非常不满意 are bad reviews. */
export function isBadReview(rating: Rating): boolean {
  return rating <= 2;
}

/**
 * The satisfaction code of the national data standard (GB/T 39046 满意度代码), which runs the
 * other way: 1 = 非常满意 … 5 = 非常不满意. Only at the boundary (exports, fields named for it).
 */
export function nationalSatisfactionCode(rating: Rating): Rating {
  return (6 - rating) as Rating;
}

/** A rating from the national code (imports), the inverse of `nationalSatisfactionCode`. */
export function ratingFromNationalCode(code: number): Rating {
  if (!isRating(code)) throw new RangeError(`A national satisfaction code is 1–5, not ${code}`);
  return (6 - code) as Rating;
}
