import { Injectable } from '@nestjs/common';
import {
  abilityFor,
  AuditRepository,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  ProvisionalDeadlines,
  RequestContext,
  Role,
  subject,
  TenantKind,
  TenantScope,
} from '@tongban/core';
import { TenantDirectory } from '@tongban/tenancy';
import { EntityManager } from 'typeorm';
import { type BusinessPeriod, businessHoursProblems } from '../calendar/business-hours';
import { calendarDay, dayNumber, isWeekend } from '../calendar/calendar-day';
import {
  CalendarLayerKind,
  type CalendarLayer,
  type YearSchedule,
} from '../calendar/holiday-schedule';
import { composeCalendar, isWorkingDayNumber } from '../calendar/working-calendar';
import { yearScheduleProblems } from '../calendar/year-schedule-problems';
import { CalendarDayReason } from './calendar.graphql';
import { CalendarRepository, type EnteredYear } from './calendar.repository';
import { type TenantCalendarLayers, WorkingCalendars } from './working-calendars';

export type CalendarEntryKind = 'NATIONAL' | 'REGIONAL' | 'LOCAL';

/** One day of a tenant's year as the calendar page shows it. */
export interface CalendarDayView {
  date: string;
  /** Null in a year some published layer has not entered. */
  working: boolean | null;
  /** Why it is what it is: a plain weekday or weekend, a declared day off or make-up day. */
  reason: CalendarDayReason;
  /** The holiday's name, for a declared day off. */
  holiday: string | null;
  /** The layer that decided the day (国务院办公厅, 广西壮族自治区, a tenant), for declared days. */
  layer: string | null;
}

export interface LayerView {
  kind: CalendarLayerKind;
  name: string;
  years: (YearSchedule & { shipped: boolean; enteredAt: Date | null })[];
}

/**
 * The calendar page (DESIGN.md §4.2): a tenant's year day by day, its layers and their years;
 * the operator enters a national or regional year, a county administrator local days and
 * business hours below it. Every entry is checked (year-schedule-problems.ts), audited, and the
 * deadlines it moves are counted again in the same transaction.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly store: CalendarRepository,
    private readonly calendars: WorkingCalendars,
    private readonly tenants: TenantDirectory,
    private readonly audit: AuditRepository,
    private readonly deadlines: ProvisionalDeadlines,
  ) {}

  layers(tenantId: string): Promise<LayerView[]> {
    return this.scope.run(async (manager) => {
      const found = await this.calendars.withLayers(manager, tenantId);
      return layerViews(found);
    });
  }

  year(tenantId: string, year: number): Promise<{ known: boolean; days: CalendarDayView[] }> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw new BadUserInputError('The year is a whole number from 2000 to 2100');
    }
    return this.scope.run(async (manager) => {
      const { calendar, layers } = await this.calendars.withLayers(manager, tenantId);
      const days: CalendarDayView[] = [];
      for (let day = dayNumber(`${year}-01-01`); day < dayNumber(`${year + 1}-01-01`); day++) {
        days.push(describeDay(calendar, layers, day));
      }
      return { known: days.every((day) => day.working !== null), days };
    });
  }

  /** Enters a year of a layer; refused with every problem at once, writing nothing. */
  enterYear(input: {
    tenantId: string;
    kind: CalendarEntryKind;
    schedule: YearSchedule;
  }): Promise<LayerView[]> {
    const actor = this.context.actor;
    return this.forgettingAfter(async (manager) => {
      const tenant = await this.tenants.require(manager, input.tenantId);
      const ability = abilityFor(actor);
      if (input.kind !== 'LOCAL') {
        // The State Council's and the regions' schedules are entered by the platform operator.
        if (!actor.roles.includes(Role.PLATFORM_ADMIN)) {
          throw new ForbiddenError(
            'National and regional years are entered by the platform operator',
          );
        }
        if (input.kind === 'REGIONAL' && tenant.kind !== TenantKind.PROVINCE) {
          throw new BadUserInputError(
            'A regional year belongs to a province or autonomous region',
            {
              problems: [{ field: 'tenantId', code: 'NOT_A_REGION', problem: 'Not a province' }],
            },
          );
        }
      } else if (
        !ability.can(
          'update',
          subject('WorkingCalendar', { tenantId: tenant.id, tenantPath: tenant.path }),
        )
      ) {
        throw new ForbiddenError('You may not enter local days for this tenant');
      }
      const current = await this.calendars.withLayers(manager, tenant.id);
      const { layer, below } = this.layerAndBelow(current, tenant, input.kind);
      const problems = yearScheduleProblems(input.schedule, {
        enteredYears: layer ? layer.years.map((y) => y.year) : [],
        below,
      });
      if (problems.length) {
        throw new BadUserInputError(
          problems.map((p) => `${p.field}: ${p.message.enUS}`).join('; '),
          {
            problems: problems.map((p) => ({
              field: p.field,
              code: p.code,
              problem: p.message.enUS,
              problemZh: p.message.zhCN,
            })),
          },
        );
      }
      const inserted = await this.store.insertYear(manager, {
        tenantId: input.kind === 'NATIONAL' ? null : tenant.id,
        kind: input.kind,
        schedule: input.schedule,
        by: actor.userId,
      });
      if (!inserted) {
        throw new ConflictError(`The year ${input.schedule.year} has been entered already`, {
          problems: [{ field: 'year', code: 'YEAR_ALREADY_ENTERED', problem: 'Entered already' }],
        });
      }
      await this.audit.record(manager, {
        tenantId: tenant.id,
        actorId: actor.userId,
        action: 'CALENDAR_YEAR_ENTERED',
        details: { kind: input.kind, year: input.schedule.year },
      });
      // A published year makes provisional counts exact; local days move every open case.
      await this.deadlines.recount(manager, input.kind === 'LOCAL' ? 'all' : 'provisional');
      return layerViews(await this.calendars.withLayers(manager, tenant.id));
    });
  }

  setBusinessHours(tenantId: string, periods: BusinessPeriod[]): Promise<BusinessPeriod[]> {
    const problems = businessHoursProblems(periods);
    if (problems.length) {
      throw new BadUserInputError(problems.map((p) => `${p.field}: ${p.code}`).join('; '), {
        problems: problems.map((p) => ({ field: p.field, code: p.code, problem: p.code })),
      });
    }
    const actor = this.context.actor;
    return this.forgettingAfter(async (manager) => {
      const tenant = await this.tenants.require(manager, tenantId);
      const record = subject('WorkingCalendar', { tenantId: tenant.id, tenantPath: tenant.path });
      if (!abilityFor(actor).can('update', record)) {
        throw new ForbiddenError('You may not set the business hours of this tenant');
      }
      await this.store.setBusinessHours(manager, tenant.id, periods, actor.userId);
      await this.audit.record(manager, {
        tenantId: tenant.id,
        actorId: actor.userId,
        action: 'BUSINESS_HOURS_SET',
        details: { periods },
      });
      await this.deadlines.recount(manager, 'all');
      return (await this.calendars.forTenant(manager, tenant.id)).hours.periods;
    });
  }

  /** A calendar change in one transaction; once it has committed, shown calendars are read again. */
  private async forgettingAfter<T>(change: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.scope.run(change);
    } finally {
      this.calendars.forget();
    }
  }

  /** The layer a year is entered into, and the calendar it must be checked against. */
  private layerAndBelow(
    current: TenantCalendarLayers,
    tenant: { divisionCode: string; name: string },
    kind: CalendarEntryKind,
  ) {
    const national = current.layers[0];
    if (kind === 'NATIONAL') return { layer: national, below: null };
    if (kind === 'REGIONAL') {
      const region = current.layers.find(
        (l) =>
          l.kind === CalendarLayerKind.REGIONAL &&
          l.divisionPrefix === tenant.divisionCode.slice(0, 2),
      );
      return { layer: region ?? null, below: composeCalendar([national]) };
    }
    const own = current.entered.filter(
      (year) => year.kind === 'LOCAL' && year.divisionCode === tenant.divisionCode,
    );
    // Below a tenant's own days: every layer but its own.
    const inherited = current.layers.filter(
      (l) => !(l.kind === CalendarLayerKind.LOCAL && l.name === tenant.divisionCode),
    );
    return { layer: { years: own } as unknown as CalendarLayer, below: composeCalendar(inherited) };
  }
}

function layerViews(found: TenantCalendarLayers): LayerView[] {
  /** The entry of a year in the app, for a layer; none for a year shipped with the code. */
  const entryOf = (layer: CalendarLayer, year: number): EnteredYear | undefined =>
    found.entered.find((entry) => {
      if (entry.year !== year) return false;
      switch (layer.kind) {
        case CalendarLayerKind.NATIONAL:
          return entry.kind === 'NATIONAL';
        case CalendarLayerKind.REGIONAL:
          return (
            entry.kind === 'REGIONAL' && entry.divisionCode?.slice(0, 2) === layer.divisionPrefix
          );
        default:
          return entry.kind === 'LOCAL' && entry.divisionCode === layer.name;
      }
    });
  return found.layers.map((layer) => ({
    kind: layer.kind,
    name: layer.name,
    years: layer.years.map((year) => {
      const entry = entryOf(layer, year.year);
      return { ...year, shipped: !entry, enteredAt: entry?.enteredAt ?? null };
    }),
  }));
}

/** A day as the calendar page shows it, with the layer and holiday that decided it. */
function describeDay(
  calendar: ReturnType<typeof composeCalendar>,
  layers: readonly CalendarLayer[],
  day: number,
): CalendarDayView {
  const date = calendarDay(day);
  let working: boolean | null;
  try {
    working = isWorkingDayNumber(calendar, day);
  } catch {
    working = null;
  }
  // The last layer that declared the day decides it (as composeCalendar does).
  for (const layer of [...layers].reverse()) {
    for (const year of layer.years) {
      if (year.adjustedWorkdays.includes(date)) {
        return {
          date,
          working,
          reason: CalendarDayReason.ADJUSTED_WORKDAY,
          holiday: null,
          layer: layer.name,
        };
      }
      const range = year.daysOff.find((r) => r.first <= date && date <= r.last);
      if (range)
        return {
          date,
          working,
          reason: CalendarDayReason.DAY_OFF,
          holiday: range.name,
          layer: layer.name,
        };
    }
  }
  if (working === null)
    return { date, working, reason: CalendarDayReason.UNKNOWN, holiday: null, layer: null };
  return {
    date,
    working,
    reason: isWeekend(day) ? CalendarDayReason.WEEKEND : CalendarDayReason.WEEKDAY,
    holiday: null,
    layer: null,
  };
}
