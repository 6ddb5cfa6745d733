import { Global, Module } from '@nestjs/common';
import { OpenApplications, ProvisionalDeadlines } from '@tongban/core';
import { ApplicationModule } from './application/application.module';
import { ApplicationResolver } from './application/application.resolver';
import { LifecycleResolver } from './application/lifecycle.resolver';
import { OpenApplicationCodes } from './application/open-applications';
import { ProvisionalDeadlineRecount } from './application/provisional-deadline-recount';
import { AttendanceModule } from './attendance/attendance.module';
import { AttendanceResolver } from './attendance/attendance.resolver';
import { CalendarResolver } from './calendar-store/calendar.resolver';
import { CalendarStoreModule } from './calendar-store/calendar-store.module';
import { ComplaintModule } from './complaint/complaint.module';
import { ComplaintResolver } from './complaint/complaint.resolver';
import { ConsultationModule } from './consultation/consultation.module';
import { ConsultationResolver } from './consultation/consultation.resolver';
import { EvaluationModule } from './evaluation/evaluation.module';
import { EvaluationResolver } from './evaluation/evaluation.resolver';
import { InboxResolver } from './notification/inbox.resolver';
import { SupervisionResolver } from './supervision/supervision.resolver';
import { SupervisionModule } from './supervision/supervision.module';

/** Applications and their workflow (DESIGN.md §4.2–4.4). Needs the TenancyModule (global). */
// Global for its ports: the catalogue's rollouts ask OpenApplications (catalog cannot import
// workflow, which stands on the catalogue's intake menu); the calendar asks
// ProvisionalDeadlines to count again once a year is entered; the insights' assessment asks
// AttendanceRates.
@Global()
@Module({
  imports: [
    ApplicationModule,
    ConsultationModule,
    CalendarStoreModule,
    SupervisionModule,
    EvaluationModule,
    ComplaintModule,
    AttendanceModule,
  ],
  providers: [
    { provide: OpenApplications, useClass: OpenApplicationCodes },
    { provide: ProvisionalDeadlines, useClass: ProvisionalDeadlineRecount },
  ],
  exports: [ApplicationModule, AttendanceModule, OpenApplications, ProvisionalDeadlines],
})
export class WorkflowModule {}

/** Resolvers of this library, for the GraphQL schema printer. */
export const WORKFLOW_RESOLVERS = [
  ApplicationResolver,
  LifecycleResolver,
  ConsultationResolver,
  CalendarResolver,
  EvaluationResolver,
  SupervisionResolver,
  InboxResolver,
  ComplaintResolver,
  AttendanceResolver,
];
