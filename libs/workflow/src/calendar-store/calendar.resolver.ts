import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireAbility } from '@tongban/core';
import {
  BusinessPeriodModel,
  CalendarLayerModel,
  EnterCalendarYearInput,
  SetBusinessHoursInput,
  WorkingCalendarYearModel,
} from './calendar.graphql';
import { CalendarService } from './calendar.service';
import { WorkingCalendars } from './working-calendars';
import { TenantScope } from '@tongban/core';

/** The working-day calendar (DESIGN.md §4.2): read by all, entered by the operator and counties. */
@Resolver()
export class CalendarResolver {
  constructor(
    private readonly service: CalendarService,
    private readonly calendars: WorkingCalendars,
    private readonly scope: TenantScope,
  ) {}

  @RequireAbility('read', 'WorkingCalendar')
  @Query(() => [CalendarLayerModel], {
    description: "The layers of a tenant's calendar and their years (shipped or entered)",
  })
  calendarLayers(@Args('tenantId', { type: () => ID }, new ParseUUIDPipe()) tenantId: string) {
    return this.service.layers(tenantId);
  }

  @RequireAbility('read', 'WorkingCalendar')
  @Query(() => WorkingCalendarYearModel, { description: "A tenant's year, day by day" })
  async workingCalendar(
    @Args('tenantId', { type: () => ID }, new ParseUUIDPipe()) tenantId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<WorkingCalendarYearModel> {
    const { known, days } = await this.service.year(tenantId, year);
    const { hours } = await this.scope.run((manager) =>
      this.calendars.forTenant(manager, tenantId),
    );
    return { tenantId, year, known, days, businessHours: hours.periods };
  }

  @RequireAbility('update', 'WorkingCalendar')
  @Mutation(() => [CalendarLayerModel], {
    description:
      'Enter a year: NATIONAL (国务院办公厅) or REGIONAL by the platform operator, LOCAL days by a county administrator; checked, audited, deadlines counted again',
  })
  enterCalendarYear(@Args('input') input: EnterCalendarYearInput) {
    return this.service.enterYear({
      tenantId: input.tenantId,
      kind: input.kind,
      schedule: {
        year: input.year,
        notice: input.notice
          ? {
              title: input.notice.title,
              documentNumber: input.notice.documentNumber ?? null,
              issuedOn: input.notice.issuedOn ?? null,
            }
          : null,
        daysOff: input.daysOff.map(({ name, first, last }) => ({ name, first, last })),
        adjustedWorkdays: input.adjustedWorkdays,
      },
    });
  }

  @RequireAbility('update', 'WorkingCalendar')
  @Mutation(() => [BusinessPeriodModel], {
    description: "Set a tenant's business hours (the default 08:30–12:00, 14:30–17:30 otherwise)",
  })
  setBusinessHours(@Args('input') input: SetBusinessHoursInput) {
    return this.service.setBusinessHours(
      input.tenantId,
      input.periods.map(({ opens, closes }) => ({ opens, closes })),
    );
  }
}
