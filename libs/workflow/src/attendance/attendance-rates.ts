import { Injectable } from '@nestjs/common';
import { AttendanceRates, Clock, type TenantNode } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { beijingMidnightMs } from '../calendar/beijing-time';
import { WorkingCalendars } from '../calendar-store/working-calendars';
import { monthSummary, parseMonth } from './attendance';
import { AttendanceRepository } from './attendance.repository';

/** Core's AttendanceRates port: present days ÷ working days of each member of a center. */
@Injectable()
export class ClockAttendanceRates extends AttendanceRates {
  constructor(
    private readonly attendance: AttendanceRepository,
    private readonly calendars: WorkingCalendars,
    private readonly clock: Clock,
  ) {
    super();
  }

  async ratesOf(
    manager: EntityManager,
    tenant: TenantNode,
    month: string,
  ): Promise<Map<string, number>> {
    const span = parseMonth(month);
    if (!span) return new Map();
    const events = await this.attendance.eventsBetween(
      manager,
      tenant.id,
      new Date(beijingMidnightMs(span.first)),
      new Date(beijingMidnightMs(span.last + 1)),
    );
    // A center that keeps no attendance has no rates: the assessment counts the component full.
    if (events.length === 0) return new Map();
    const { calendar, hours } = await this.calendars.forNode(manager, tenant);
    const now = this.clock.now();
    const rates = new Map<string, number>();
    for (const { userId } of await this.attendance.staffOf(manager, tenant.id)) {
      const summary = monthSummary(
        calendar,
        hours,
        span,
        events.filter((e) => e.userId === userId),
        now,
      );
      if (summary.workingDays > 0) rates.set(userId, summary.present / summary.workingDays);
    }
    return rates;
  }
}
