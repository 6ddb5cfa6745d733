import { Injectable, Logger } from '@nestjs/common';
import { Clock, TenantScope } from '@tongban/core';
import { TenantDirectory } from '@tongban/tenancy';
import { EntityManager } from 'typeorm';
import { type ClaimedMessage, NotificationRepository } from './notification.repository';
import { afterFailure } from './outbox';

/**
 * A provider of messages (SMS, e-mail). The default records them in the inbox the admin app
 * shows, so the demo and the tests need no provider; a real one sends, and must be idempotent
 * on the message id (a crash after sending and before marking it sends it again otherwise).
 */
export abstract class NotificationAdapter {
  abstract deliver(manager: EntityManager, message: ClaimedMessage, at: Date): Promise<void>;
}

@Injectable()
export class InboxAdapter extends NotificationAdapter {
  constructor(private readonly notifications: NotificationRepository) {
    super();
  }

  deliver(manager: EntityManager, message: ClaimedMessage, at: Date): Promise<void> {
    return this.notifications.record(manager, message, at);
  }
}

/** Delivers what the outbox holds and is due, a batch per transaction, per root of the tree. */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger(NotificationDelivery.name);

  constructor(
    private readonly scope: TenantScope,
    private readonly tenants: TenantDirectory,
    private readonly notifications: NotificationRepository,
    private readonly adapter: NotificationAdapter,
    private readonly clock: Clock,
  ) {}

  async deliverDue(batch = 200): Promise<{ delivered: number; failed: number }> {
    const roots = await this.scope.runUnscoped((manager) => this.tenants.roots(manager));
    const total = { delivered: 0, failed: 0 };
    for (const root of roots) {
      for (;;) {
        const done = await this.scope.runIn(
          { tenantId: root.id, visibility: 'subtree', actorId: null },
          async (manager) => {
            const now = this.clock.now();
            const due = await this.notifications.claimDue(manager, now, batch);
            const counts = { delivered: 0, failed: 0, claimed: due.length };
            for (const message of due) {
              try {
                await manager.query('SAVEPOINT delivery');
                await this.adapter.deliver(manager, message, now);
                await this.notifications.delivered(manager, message, now);
                await manager.query('RELEASE SAVEPOINT delivery');
                counts.delivered++;
              } catch (error) {
                await manager.query('ROLLBACK TO SAVEPOINT delivery');
                await this.notifications.failed(
                  manager,
                  message,
                  afterFailure(message.attempts + 1, now),
                  error instanceof Error ? error.name : 'Error',
                );
                counts.failed++;
              }
            }
            return counts;
          },
        );
        total.delivered += done.delivered;
        total.failed += done.failed;
        if (done.claimed < batch) break;
      }
    }
    if (total.delivered || total.failed)
      this.logger.log({ msg: 'notifications delivered', ...total });
    return total;
  }
}
