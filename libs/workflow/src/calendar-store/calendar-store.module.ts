import { Module } from '@nestjs/common';
import { WorkingCalendars } from './working-calendars';

/** Tenants' working calendars as stored and entered (DESIGN.md §4.2). */
@Module({
  providers: [WorkingCalendars],
  exports: [WorkingCalendars],
})
export class CalendarStoreModule {}
