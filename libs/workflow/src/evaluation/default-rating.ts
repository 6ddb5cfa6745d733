import type { SupervisionSettings } from '../supervision/supervision-settings';
import { EvaluationStage } from './rating';

/**
 * 默认好评 (Guangxi practice, domain/evaluation-and-supervision.md §4): an application not rated
 * within the tenant's days (natural days) of acceptance or completion is recorded with the
 * default rating, on channel DEFAULT, kept apart from active ratings.
 */

const DAY_MS = 86_400_000;

/** Acceptances or completions at or before this moment are past their rating time. */
export function defaultRatingCutoff(now: Date, afterDays: number): Date {
  if (!Number.isInteger(afterDays) || afterDays < 1) {
    throw new RangeError(`A whole number of days, not ${afterDays}`);
  }
  return new Date(now.getTime() - afterDays * DAY_MS);
}

/** The stages a tenant rates, and so records a default for: completion, and acceptance where set. */
export function ratedStages(settings: Pick<SupervisionSettings, 'rateAtAcceptance'>) {
  return settings.rateAtAcceptance
    ? [EvaluationStage.ACCEPTANCE, EvaluationStage.COMPLETION]
    : [EvaluationStage.COMPLETION];
}
