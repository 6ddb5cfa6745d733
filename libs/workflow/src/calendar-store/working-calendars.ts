import { Injectable } from '@nestjs/common';
import { TenantDirectory } from '@tongban/tenancy';
import type { TenantNode } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { type BusinessHours, DEFAULT_BUSINESS_HOURS } from '../calendar/business-hours';
import type { CalendarLayer, YearSchedule } from '../calendar/holiday-schedule';
import { NATIONAL_SCHEDULE } from '../calendar/national-schedule';
import { REGIONAL_SCHEDULES } from '../calendar/regional-schedules';
import { tenantCalendarLayers } from '../calendar/tenant-layers';
import { composeCalendar, type WorkingCalendar } from '../calendar/working-calendar';
import { CalendarRepository, type EnteredYear } from './calendar.repository';

/** What a tenant's deadlines are counted with. */
export interface TenantCalendar {
  calendar: WorkingCalendar;
  hours: BusinessHours;
}

/** A tenant's calendar with the layers it is made of (for the calendar page). */
export interface TenantCalendarLayers extends TenantCalendar {
  layers: CalendarLayer[];
  /** The entered years by layer kind and year, with who entered them. */
  entered: EnteredYear[];
}

const schedule = ({ year, notice, daysOff, adjustedWorkdays }: EnteredYear): YearSchedule => ({
  year,
  notice,
  daysOff,
  adjustedWorkdays,
});

/** How long a calendar read for showing time left is shown again without reading it. */
const RECENT_MS = 5_000;
const RECENT_MAX = 2_000;

/**
 * Each tenant's working calendar (DESIGN.md §4.2): the shipped national and regional
 * schedules with the years entered since, each ancestor's local days and the tenant's own, and
 * the business hours of the tenant or its nearest ancestor that set them. Read in the caller's
 * transaction, so a year entered in it counts at once.
 */
@Injectable()
export class WorkingCalendars {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly store: CalendarRepository,
  ) {}

  /** Calendars read for display, by tenant, with when (monotonic ms). */
  private readonly recent = new Map<string, { calendar: TenantCalendar; readAt: number }>();
  /** Moves on each forget, so a read that overlapped a change is not kept. */
  private generation = 0;

  async forTenant(manager: EntityManager, tenantId: string): Promise<TenantCalendar> {
    const { calendar, hours } = await this.withLayers(manager, tenantId);
    return { calendar, hours };
  }

  async withLayers(manager: EntityManager, tenantId: string): Promise<TenantCalendarLayers> {
    return this.layersOf(manager, await this.tenants.require(manager, tenantId));
  }

  /**
   * The calendar of a tenant the caller has already read (代办: the center a station forwards
   * to, above it, whose calendars the station may read as ancestor-published material).
   */
  async forNode(manager: EntityManager, tenant: TenantNode): Promise<TenantCalendar> {
    const { calendar, hours } = await this.layersOf(manager, tenant);
    return { calendar, hours };
  }

  /**
   * For showing time left only (the work queue reads this on every request): the calendar
   * read in this process at most RECENT_MS ago, else read now. A year entered or hours set
   * through this process count at once (forget); through another, within RECENT_MS. Deadlines
   * are never counted with it.
   */
  async recentForNode(manager: EntityManager, tenant: TenantNode): Promise<TenantCalendar> {
    const key = `${tenant.id}:${tenant.divisionCode}`;
    const now = performance.now();
    const hit = this.recent.get(key);
    if (hit && now - hit.readAt < RECENT_MS) return hit.calendar;
    const generation = this.generation;
    const calendar = await this.forNode(manager, tenant);
    if (generation === this.generation) {
      if (this.recent.size >= RECENT_MAX) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(key, { calendar, readAt: now });
    }
    return calendar;
  }

  /** After a calendar change has committed: what recentForNode holds is read again. */
  forget(): void {
    this.generation += 1;
    this.recent.clear();
  }

  private async layersOf(
    manager: EntityManager,
    tenant: TenantNode,
  ): Promise<TenantCalendarLayers> {
    const { national, own, hours } = await this.store.inputsFor(manager, tenant.path);
    const regional = own.filter((year) => year.kind === 'REGIONAL');
    const local = tenant.path.flatMap((id) => {
      const years = own.filter((year) => year.kind === 'LOCAL' && year.tenantId === id);
      return years.length
        ? [{ name: years[0].divisionCode ?? id, years: years.map(schedule) }]
        : [];
    });
    const layers = tenantCalendarLayers(
      tenant.divisionCode,
      { national: NATIONAL_SCHEDULE, regional: REGIONAL_SCHEDULES },
      {
        national: national.map(schedule),
        regional: [...new Set(regional.map((year) => year.divisionCode!))].map((divisionCode) => ({
          divisionCode,
          name: divisionCode,
          years: regional.filter((year) => year.divisionCode === divisionCode).map(schedule),
        })),
        local,
      },
    );
    // The nearest that set its own hours: the tenant, else up its path.
    const nearest = [...tenant.path].reverse().find((id) => hours.has(id));
    return {
      calendar: composed(tenant.divisionCode, [...national, ...own], layers),
      hours: nearest ? { periods: hours.get(nearest)! } : DEFAULT_BUSINESS_HOURS,
      layers,
      entered: [...national, ...own],
    };
  }
}

/**
 * Composed calendars, by what they are made of. Entered years are never changed or deleted
 * (a year is entered once: migration 1765411200000), so the division code (which picks the
 * shipped layers) and the entered years' identities name a calendar exactly; composing one
 * costs a pass over every day of every year, which the work queue would pay per request.
 */
const COMPOSED = new Map<string, WorkingCalendar>();
const COMPOSED_MAX = 500;

function composed(
  divisionCode: string,
  entered: readonly EnteredYear[],
  layers: Parameters<typeof composeCalendar>[0],
): WorkingCalendar {
  const key = [
    divisionCode,
    ...entered.map((year) => `${year.kind}:${year.tenantId ?? ''}:${year.year}`).sort(),
  ].join('|');
  let calendar = COMPOSED.get(key);
  if (!calendar) {
    calendar = composeCalendar(layers);
    if (COMPOSED.size >= COMPOSED_MAX) COMPOSED.delete(COMPOSED.keys().next().value!);
    COMPOSED.set(key, calendar);
  }
  return calendar;
}
