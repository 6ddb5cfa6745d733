import { Module } from '@nestjs/common';
import { AttendanceRates } from '@tongban/core';
import { ClockAttendanceRates } from './attendance-rates';
import { CalendarStoreModule } from '../calendar-store/calendar-store.module';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceResolver } from './attendance.resolver';
import { AttendanceService } from './attendance.service';

/** 考勤 (issue 12): fingerprint terminals, clock events and the monthly sheet. */
@Module({
  imports: [CalendarStoreModule],
  providers: [
    AttendanceRepository,
    AttendanceService,
    AttendanceResolver,
    { provide: AttendanceRates, useClass: ClockAttendanceRates },
  ],
  exports: [AttendanceService, AttendanceRates],
})
export class AttendanceModule {}
