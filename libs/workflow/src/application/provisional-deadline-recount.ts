import { Injectable } from '@nestjs/common';
import { ProvisionalDeadlines } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { clockDeadlines, dueAt } from '../lifecycle/application-clock';
import { ApplicationClocks } from './application-clocks';
import { ApplicationFacts } from './application-facts';
import { clockPauses, LifecycleRepository } from './lifecycle.repository';

/**
 * Counts deadlines again when the calendar changed (a year entered, a tenant's local days or
 * hours): the same facts, the calendar as it now is. Locks the applications in id order, as
 * every lock of many is taken.
 */
@Injectable()
export class ProvisionalDeadlineRecount extends ProvisionalDeadlines {
  constructor(
    private readonly lifecycle: LifecycleRepository,
    private readonly clocks: ApplicationClocks,
    private readonly facts: ApplicationFacts,
  ) {
    super();
  }

  async recount(manager: EntityManager, which: 'provisional' | 'all'): Promise<number> {
    const rows = await this.lifecycle.lockOpen(manager, which === 'provisional');
    const calendars = await this.clocks.calendarsOf(
      manager,
      rows.map((row) => row.tenantId),
    );
    for (const row of rows) {
      const pauses = await this.lifecycle.pauses(manager, row.tenantId, row.id);
      const deadlines = clockDeadlines(calendars.get(row.tenantId)!, {
        submittedAt: row.submittedAt,
        acceptedAt: row.acceptedAt,
        promisedDays: row.promisedDays,
        statutoryDays: row.statutoryDays,
        pauses: clockPauses(pauses),
        extensionDays: row.extensionDays,
      });
      await this.lifecycle.recount(manager, row, deadlines, dueAt(row.status, deadlines));
      // An open case's promised deadline moved: what is overdue moves with it.
      await this.facts.record(manager, row.tenantId, row.id);
    }
    return rows.length;
  }
}
