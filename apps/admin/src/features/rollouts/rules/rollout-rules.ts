/**
 * Clean-up rounds (清理轮次) as the admin app shows them: which commands a rollout in a
 * status takes, when its progress is followed, how far it is, and which refusals and
 * conflict codes have a sentence of their own. Plain TypeScript.
 */
import type {
  CatalogueRolloutCommand,
  CatalogueRolloutStatus,
  CatalogueRolloutStepStatus,
} from '../../../shared/api/graphql.generated';
import { graphQLErrorsOf } from '../../../shared/api/errors';
import { actionErrorText } from '../../../shared/i18n/describe';
import type { Translate } from '../../../shared/i18n/labels';

/** The steps' statuses in the order the filter offers them. */
export const STEP_STATUSES: readonly CatalogueRolloutStepStatus[] = [
  'PENDING',
  'DONE',
  'FAILED',
  'CANCELLED',
];

/** The conflicts the API names (RolloutConflict.code), each with a label. */
export const CONFLICT_CODES = [
  'PROMISED_LIMIT_CLAMPED',
  'REQUIRED_MATERIAL_READDED',
  'ITEM_REMOVED_WITH_OPEN_APPLICATIONS',
  'ITEM_REMOVED_FROM_MENU',
  'ITEM_SPLIT',
  'ITEM_MERGED',
  'LOCKED_ELEMENT_CHANGED',
] as const;

/** What happens to an entry (RolloutOutcome.kind). */
export const OUTCOME_KINDS = ['KEPT', 'ADOPTED', 'READ_ONLY', 'DROPPED'] as const;

/** The local settings a rollout may change (RolloutSettingChange.field). */
export const SETTING_FIELDS = [
  'promisedLimit',
  'materials',
  'address',
  'phone',
  'officeHours',
  'feeNote',
  'notes',
] as const;

/** The refusals (`extensions.reason`) of starting and steering a rollout. */
export const REFUSAL_REASONS = [
  'ROLLOUT_IN_PROGRESS',
  'NOT_PUBLISHED',
  'NOTHING_TO_ROLL_OUT',
  'NOT_A_COUNTY',
  'ILLEGAL_TRANSITION',
  'NOTHING_TO_RETRY',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * The commands offered for a rollout, in button order: a running one pauses or is
 * cancelled, a paused one resumes or is cancelled, and failed steps are retried while the
 * rollout is not cancelled.
 */
export function commandsFor(
  status: CatalogueRolloutStatus,
  failed: number,
): CatalogueRolloutCommand[] {
  const retry: CatalogueRolloutCommand[] = failed > 0 ? ['RETRY'] : [];
  switch (status) {
    case 'RUNNING':
      return ['PAUSE', 'CANCEL', ...retry];
    case 'PAUSED':
      return ['RESUME', 'CANCEL', ...retry];
    case 'FINISHED':
      return retry;
    case 'CANCELLED':
      return [];
  }
}

/** Whether the progress view keeps asking (a running or paused rollout can still change). */
export function isLive(status: CatalogueRolloutStatus): boolean {
  return status === 'RUNNING' || status === 'PAUSED';
}

export interface Progress {
  total: number;
  done: number;
  failed: number;
  pending: number;
  cancelled: number;
}

/**
 * The progress bar: the share of steps settled (done or failed) and, within it, the failed
 * share (drawn in red), as whole percents.
 */
export function progressPercents(progress: Progress): { settled: number; failed: number } {
  if (progress.total === 0) return { settled: 0, failed: 0 };
  const percent = (n: number) => Math.floor((n / progress.total) * 100);
  return { settled: percent(progress.done + progress.failed), failed: percent(progress.failed) };
}

/** The reason a refusal names, if the app has a sentence for it. */
export function refusalReasonOf(error: unknown): RefusalReason | null {
  for (const e of graphQLErrorsOf(error)) {
    const reason = e.extensions?.reason;
    if (typeof reason === 'string' && (REFUSAL_REASONS as readonly string[]).includes(reason)) {
      return reason as RefusalReason;
    }
  }
  return null;
}

/** `group.<value>` for a value the app knows, else null (then shown as it came). */
export function knownKey(
  group: string,
  known: readonly string[],
  value: string | null,
): string | null {
  return value !== null && known.includes(value) ? `${group}.${value}` : null;
}

/** Why starting or steering a rollout was refused, in the language. */
export function refusalText(t: Translate, error: unknown): string {
  const reason = refusalReasonOf(error);
  return reason ? t(`rollouts.refusal.${reason}`) : actionErrorText(t, error);
}
