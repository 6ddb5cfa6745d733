import { Injectable } from '@nestjs/common';
import { Clock, type TenantNode } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { type TenantCalendar, WorkingCalendars } from '../calendar-store/working-calendars';
import {
  acceptanceOverdue,
  deadlineIfResumed,
  workingDaysLeft,
} from '../lifecycle/application-clock';
import { allowedActions, type ApplicationAction } from '../lifecycle/transitions';
import { ApplicationStatus } from '../lifecycle/application-status';
import type { ApplicationRow } from './application.repository';
import { clockPauses, LifecycleRepository } from './lifecycle.repository';

/** How an application's clock reads at this moment (DESIGN.md §4.2). */
export interface ClockView {
  /** 即办件: completed in one act at intake. */
  onTheSpot: boolean;
  clockPaused: boolean;
  /** Not accepted or rejected within 5 working days of intake. */
  acceptanceOverdue: boolean;
  /** Working days left until what is due next (negative: overdue); null when nothing is. */
  workingDaysLeft: number | null;
  /** Counted into a year whose holidays are not published yet (weekends alone). */
  deadlinesProvisional: boolean;
  /** While paused: the promised deadline if work resumed now. */
  deadlineIfResumed: Date | null;
  /** What the state machine allows now (before who may act is asked). */
  actions: ApplicationAction[];
}

/** Reads applications' clocks with their tenants' calendars (each composed once per call). */
@Injectable()
export class ApplicationClocks {
  constructor(
    private readonly calendars: WorkingCalendars,
    private readonly lifecycle: LifecycleRepository,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /**
   * The calendars of these tenants, each read once; `known` holds tenants the caller has read
   * already (their tree is not read again).
   */
  async calendarsOf(
    manager: EntityManager,
    tenantIds: readonly string[],
    known: ReadonlyMap<string, TenantNode> = new Map(),
  ): Promise<Map<string, TenantCalendar>> {
    const found = new Map<string, TenantCalendar>();
    for (const tenantId of new Set(tenantIds)) {
      const tenant = known.get(tenantId);
      found.set(
        tenantId,
        tenant
          ? await this.calendars.forNode(manager, tenant)
          : await this.calendars.forTenant(manager, tenantId),
      );
    }
    return found;
  }

  /**
   * How the rows' clocks read now, for showing. Tenants in `known` use the calendar read
   * recently (WorkingCalendars.recentForNode): a page is shown, nothing is counted with it.
   */
  async views(
    manager: EntityManager,
    rows: readonly ApplicationRow[],
    known: ReadonlyMap<string, TenantNode> = new Map(),
  ): Promise<Map<string, ClockView>> {
    const now = this.clock.now();
    const calendars = new Map<string, TenantCalendar>();
    for (const tenantId of new Set(rows.map((row) => row.tenantId))) {
      const tenant = known.get(tenantId);
      calendars.set(
        tenantId,
        tenant
          ? await this.calendars.recentForNode(manager, tenant)
          : await this.calendars.forTenant(manager, tenantId),
      );
    }
    const views = new Map<string, ClockView>();
    for (const row of rows) {
      const calendar = calendars.get(row.tenantId)!;
      const onTheSpot = row.promisedLimit?.onTheSpot === true;
      let resumed: Date | null = null;
      if (row.status === ApplicationStatus.SUSPENDED) {
        const pauses = await this.lifecycle.pauses(manager, row.tenantId, row.id);
        resumed = deadlineIfResumed(
          calendar,
          {
            submittedAt: row.submittedAt,
            acceptedAt: row.acceptedAt,
            promisedDays:
              row.promisedLimit?.onTheSpot === false ? row.promisedLimit.workingDays : null,
            statutoryDays: null,
            pauses: clockPauses(pauses),
            extensionDays: row.extensionDays,
          },
          now,
        );
      }
      views.set(row.id, {
        onTheSpot,
        clockPaused: row.status === ApplicationStatus.SUSPENDED,
        acceptanceOverdue: acceptanceOverdue(row.status, row.acceptanceDueAt, now),
        workingDaysLeft: row.dueAt ? workingDaysLeft(calendar, now, row.dueAt) : null,
        deadlinesProvisional: row.deadlinesProvisional,
        deadlineIfResumed: resumed,
        actions: allowedActions(row.status, {
          onTheSpot,
          intakeOnly: row.itemHandling === 'INTAKE_ONLY',
          openPause: row.openPause,
        }),
      });
    }
    return views;
  }
}
