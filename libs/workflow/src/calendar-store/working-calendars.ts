import { Injectable } from '@nestjs/common';
import { TenantDirectory } from '@tongban/tenancy';
import { EntityManager } from 'typeorm';
import { type BusinessHours, DEFAULT_BUSINESS_HOURS } from '../calendar/business-hours';
import { NATIONAL_SCHEDULE } from '../calendar/national-schedule';
import { REGIONAL_SCHEDULES } from '../calendar/regional-schedules';
import { composeCalendar, layersFor, type WorkingCalendar } from '../calendar/working-calendar';

/** What a tenant's deadlines are counted with. */
export interface TenantCalendar {
  calendar: WorkingCalendar;
  hours: BusinessHours;
}

/**
 * Each tenant's working calendar: the shipped national and regional schedules (DESIGN.md
 * §4.2). The years the operator enters, local days and business hours per tenant come next.
 */
@Injectable()
export class WorkingCalendars {
  private readonly shipped = new Map<string, WorkingCalendar>();

  constructor(private readonly tenants: TenantDirectory) {}

  async forTenant(manager: EntityManager, tenantId: string): Promise<TenantCalendar> {
    const tenant = await this.tenants.require(manager, tenantId);
    const region = tenant.divisionCode.slice(0, 2);
    let calendar = this.shipped.get(region);
    if (!calendar) {
      calendar = composeCalendar(
        layersFor(tenant.divisionCode, NATIONAL_SCHEDULE, REGIONAL_SCHEDULES),
      );
      this.shipped.set(region, calendar);
    }
    return { calendar, hours: DEFAULT_BUSINESS_HOURS };
  }
}
