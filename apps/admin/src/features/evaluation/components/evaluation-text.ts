import { actionErrorText } from '../../../shared/i18n/describe';
import type { Translate } from '../../../shared/i18n/labels';
import { reasonOf } from '../rules/evaluation-rules';

/** Why the server refused, in the interface language: its own sentence where the app has one. */
export function evaluationErrorText(t: Translate, error: unknown): string {
  const reason = reasonOf(error);
  return reason ? t(`evaluation.reasons.${reason}`) : actionErrorText(t, error);
}

/** A level's name (5 = 非常满意 … 1 = 非常不满意). */
export function ratingText(t: Translate, rating: number): string {
  return `${rating} · ${t(`evaluation.ratings.r${rating}`)}`;
}
