import { Module } from '@nestjs/common';
import { InboxResolver } from './inbox.resolver';
import { InboxService } from './inbox.service';
import { InboxAdapter, NotificationAdapter, NotificationDelivery } from './notification-delivery';
import { NotificationDeliveryJob } from './notification-delivery.job';
import { NotificationRepository } from './notification.repository';

/** Notifications (DESIGN.md §4.4): the outbox, its delivery, and the inbox of the default adapter. */
@Module({
  providers: [
    NotificationRepository,
    InboxAdapter,
    { provide: NotificationAdapter, useExisting: InboxAdapter },
    NotificationDelivery,
    NotificationDeliveryJob,
    InboxService,
    InboxResolver,
  ],
  exports: [NotificationRepository],
})
export class NotificationModule {}
