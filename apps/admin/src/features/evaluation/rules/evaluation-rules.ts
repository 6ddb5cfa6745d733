/**
 * 好差评 and 差评整改 in the admin app, as plain TypeScript: the five levels as the public page
 * offers them, what each refusal of the server means to a clerk, and where a case stands.
 */
import { graphQLErrorsOf } from '../../../shared/api/errors';

/** The levels, best first (5 = 非常满意 … 1 = 非常不满意), as the rating page lists them. */
export const RATINGS = [5, 4, 3, 2, 1] as const;

/** 不满意 and 非常不满意 are bad reviews: the hall calls the rater back. */
export const isBadRating = (rating: number) => rating <= 2;

/** Refusals of the evaluation API with a sentence of their own (`evaluation.reasons.*`). */
export const KNOWN_REASONS = [
  'NO_CALLBACK',
  'NOT_OPEN',
  'NOT_APPEALED',
  'CALLED_IN_FUTURE',
  'CALLED_BEFORE_REVIEW',
  'LINK_USED',
  'LINK_EXPIRED',
  'LINK_INVALID',
  'RATING_OUT_OF_RANGE',
  'ALREADY_RATED',
  'NOT_COMPLETED',
] as const;
export type KnownReason = (typeof KNOWN_REASONS)[number];

/** The server's reason for a refusal, when it is one the app explains; else null. */
export function reasonOf(error: unknown): KnownReason | null {
  const reason = graphQLErrorsOf(error)[0]?.extensions?.reason;
  return (KNOWN_REASONS as readonly unknown[]).includes(reason) ? (reason as KnownReason) : null;
}

/** A rating link's token: the URL fragment (`/rate#<token>`), never sent to a server in a URL. */
export function tokenFromHash(hash: string): string | null {
  const token = hash.replace(/^#/, '').trim();
  return /^[0-9a-f-]{36}\.[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** The address of the public rating page for a link's token. */
export function ratingPageUrl(origin: string, token: string): string {
  return `${origin}/rate#${token}`;
}

export type CaseStatus = 'OPEN' | 'APPEALED' | 'CLOSED' | 'VOIDED';

export const STATUS_COLORS: Record<CaseStatus, string> = {
  OPEN: 'orange',
  APPEALED: 'purple',
  CLOSED: 'green',
  VOIDED: 'default',
};

/** Past its due time and still to be rectified. */
export function isOverdue(status: CaseStatus, dueAt: string, now: Date): boolean {
  return (status === 'OPEN' || status === 'APPEALED') && new Date(dueAt) < now;
}

/** A moment as a `datetime-local` input shows it, in the browser's time zone (to the minute). */
export function localDateTimeInput(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}` +
    `T${pad(moment.getHours())}:${pad(moment.getMinutes())}`
  );
}
