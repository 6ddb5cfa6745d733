import { JobHandler, JobProcessor } from '@tongban/core';
import { NotificationDelivery } from './notification-delivery';

/** Repeatable chore: delivers what the outbox holds and is due. */
@JobProcessor({ name: 'notification.deliver', scope: 'platform' })
export class NotificationDeliveryJob implements JobHandler {
  constructor(private readonly delivery: NotificationDelivery) {}

  process(): Promise<{ delivered: number; failed: number }> {
    return this.delivery.deliverDue();
  }
}
