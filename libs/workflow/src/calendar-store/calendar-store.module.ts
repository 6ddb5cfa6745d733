import { Module } from '@nestjs/common';
import { CalendarRepository } from './calendar.repository';
import { CalendarResolver } from './calendar.resolver';
import { CalendarService } from './calendar.service';
import { WorkingCalendars } from './working-calendars';

/** Tenants' working calendars as shipped and entered, and the calendar page (DESIGN.md §4.2). */
@Module({
  providers: [WorkingCalendars, CalendarRepository, CalendarService, CalendarResolver],
  exports: [WorkingCalendars],
})
export class CalendarStoreModule {}
