import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { OutgoingMessage } from './outbox';

export interface ClaimedMessage extends OutgoingMessage {
  id: string;
  attempts: number;
}

export interface InboxEntry {
  id: string;
  subject: string;
  body: string;
  receivedAt: Date;
  readAt: Date | null;
}

/** The outbox and the inbox the default adapter delivers to (tenant-owned, under RLS). */
@Injectable()
export class NotificationRepository {
  /** Queues messages in the caller's transaction; one per recipient and dedupe key. */
  async enqueue(manager: EntityManager, messages: readonly OutgoingMessage[]): Promise<number> {
    let added = 0;
    for (const m of messages) {
      const rows = await manager.query(
        `INSERT INTO notification_outbox (tenant_id, dedupe_key, recipient_id, channel, subject,
                                          body)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, dedupe_key, recipient_id) DO NOTHING RETURNING id`,
        [m.tenantId, m.dedupeKey, m.recipientId, m.channel, m.subject, m.body],
      );
      added += rows.length;
    }
    return added;
  }

  /**
   * Messages due for an attempt, locked until the transaction ends; rows another deliverer
   * holds are skipped, so two never deliver the same message.
   */
  claimDue(manager: EntityManager, now: Date, limit: number): Promise<ClaimedMessage[]> {
    return manager.query(
      `SELECT id, tenant_id AS "tenantId", dedupe_key AS "dedupeKey",
              recipient_id AS "recipientId", channel, subject, body, attempts
         FROM notification_outbox
        WHERE status = 'PENDING' AND next_attempt_at <= $1
        ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  async delivered(manager: EntityManager, message: ClaimedMessage, at: Date): Promise<void> {
    await manager.query(
      `UPDATE notification_outbox SET status = 'DELIVERED', delivered_at = $3,
              attempts = attempts + 1, last_error = NULL
        WHERE tenant_id = $1 AND id = $2`,
      [message.tenantId, message.id, at],
    );
  }

  async failed(
    manager: EntityManager,
    message: ClaimedMessage,
    outcome: { status: 'PENDING'; nextAttemptAt: Date } | { status: 'FAILED' },
    error: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE notification_outbox SET status = $3, attempts = attempts + 1, last_error = $4,
              next_attempt_at = coalesce($5, next_attempt_at)
        WHERE tenant_id = $1 AND id = $2`,
      [
        message.tenantId,
        message.id,
        outcome.status,
        error.slice(0, 500),
        outcome.status === 'PENDING' ? outcome.nextAttemptAt : null,
      ],
    );
  }

  /** The default adapter's delivery: once per outbox row. */
  async record(manager: EntityManager, message: ClaimedMessage, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO notification_inbox (tenant_id, outbox_id, recipient_id, subject, body,
                                       received_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, outbox_id) DO NOTHING`,
      [message.tenantId, message.id, message.recipientId, message.subject, message.body, at],
    );
  }

  /** A person's inbox, newest first (those of tenants in the caller's scope). */
  inbox(
    manager: EntityManager,
    recipientId: string,
    limit: number,
  ): Promise<(InboxEntry & { tenantId: string })[]> {
    return manager.query(
      `SELECT id, tenant_id AS "tenantId", subject, body, received_at AS "receivedAt",
              read_at AS "readAt"
         FROM notification_inbox WHERE recipient_id = $1
        ORDER BY received_at DESC, id DESC LIMIT $2`,
      [recipientId, limit],
    );
  }

  async unread(manager: EntityManager, recipientId: string): Promise<number> {
    const [{ count }] = await manager.query(
      `SELECT count(*)::int AS count FROM notification_inbox
        WHERE recipient_id = $1 AND read_at IS NULL`,
      [recipientId],
    );
    return count;
  }

  /** Marks one of the person's messages read; false when it is not theirs (or not in sight). */
  async markRead(
    manager: EntityManager,
    recipientId: string,
    id: string,
    at: Date,
  ): Promise<boolean> {
    // UPDATE answers [rows, count] through TypeORM.
    const [rows] = await manager.query(
      `UPDATE notification_inbox SET read_at = coalesce(read_at, $3)
        WHERE id = $1 AND recipient_id = $2 RETURNING id`,
      [id, recipientId, at],
    );
    return rows.length > 0;
  }
}
