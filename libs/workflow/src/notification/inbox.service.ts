import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, RequestContext, TenantScope } from '@tongban/core';
import { type InboxEntry, NotificationRepository } from './notification.repository';

/** The acting person's notifications, as the default adapter delivered them. */
@Injectable()
export class InboxService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  mine(): Promise<{ unread: number; messages: InboxEntry[] }> {
    const me = this.context.actor.userId;
    return this.scope.run(async (manager) => ({
      unread: await this.notifications.unread(manager, me),
      messages: await this.notifications.inbox(manager, me, 100),
    }));
  }

  markRead(id: string): Promise<{ unread: number; messages: InboxEntry[] }> {
    const me = this.context.actor.userId;
    return this.scope.run(async (manager) => {
      if (!(await this.notifications.markRead(manager, me, id, this.clock.now()))) {
        throw new NotFoundError('Message not found');
      }
      return this.mine();
    });
  }
}
