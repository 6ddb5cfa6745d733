/**
 * The notification outbox (DESIGN.md §4.4) as rules: a message is written in the transaction
 * of what it tells and delivered afterwards by a job, once, retried with backoff until it
 * gives up.
 */

/** Attempts before a message is given up (FAILED, kept for a look). */
export const MAX_DELIVERY_ATTEMPTS = 8;

/** Wait before attempt `attempt + 1` after `attempt` failed: 30 s, 1 min, 2 min … at most 1 h. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/** What happens to a message after a failed attempt (`attempts` made so far, this one included). */
export function afterFailure(
  attempts: number,
  now: Date,
): { status: 'PENDING'; nextAttemptAt: Date } | { status: 'FAILED' } {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return { status: 'FAILED' };
  return { status: 'PENDING', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

export enum NotificationChannel {
  /** Recorded for the admin app's inbox (the default adapter: no provider needed). */
  INBOX = 'INBOX',
  SMS = 'SMS',
  EMAIL = 'EMAIL',
}

/** A message to one person, deduplicated by what it is about. */
export interface OutgoingMessage {
  tenantId: string;
  /** One message per recipient and key: raising the same warning twice notifies once. */
  dedupeKey: string;
  recipientId: string;
  channel: NotificationChannel;
  subject: string;
  body: string;
}
