export { WorkflowModule, WORKFLOW_RESOLVERS } from './workflow.module';
export { ApplicationStatus } from './lifecycle/application-status';
export {
  normalizeIntake,
  type ApplicantDetails,
  type IntakeDetails,
  type IntakeProblem,
  type IntakeProblemCode,
} from './application/applicant';
export { residentIdCheckCharacter, residentIdProblem } from './application/resident-id-number';
export { formatReceiptNumber, receiptPrefixOf } from './application/receipt-number';
export { ApplicationRepository } from './application/application.repository';
export { LifecycleRepository } from './application/lifecycle.repository';
export { applicationFact, type FactSource } from './lifecycle/application-fact';
export { ConsultationChannel, normalizeConsultation } from './consultation/consultation-entry';
export { ConsultationRepository } from './consultation/consultation.repository';
export type { CalendarDay } from './calendar/calendar-day';
export {
  CalendarLayerKind,
  type CalendarLayer,
  type DayOffRange,
  type HolidayNotice,
  type YearSchedule,
} from './calendar/holiday-schedule';
export { NATIONAL_SCHEDULE } from './calendar/national-schedule';
export { REGIONAL_SCHEDULES } from './calendar/regional-schedules';
export {
  addWorkingDays,
  CalendarYearUnknownError,
  composeCalendar,
  isWorkingDay,
  layersFor,
  nextWorkingDay,
  type WorkingCalendar,
} from './calendar/working-calendar';
export {
  DEFAULT_BUSINESS_HOURS,
  isWorkingTime,
  workingTimeElapsed,
  type BusinessHours,
  type BusinessPeriod,
} from './calendar/business-hours';
export { type ClockPause, dayZero, deadline, pausedDays } from './calendar/deadline';
export {
  yearScheduleProblems,
  type YearScheduleProblem,
  type YearScheduleProblemCode,
} from './calendar/year-schedule-problems';
export {
  clockDeadlines,
  countedProvisionally,
  ACCEPTANCE_WORKING_DAYS,
} from './lifecycle/application-clock';
export {
  ApplicationAction,
  PauseKind,
  allowedActions,
  transitionTarget,
} from './lifecycle/transitions';
export { provisionalCalendar } from './calendar/working-calendar';
export { tenantCalendarLayers } from './calendar/tenant-layers';
export {
  EvaluationChannel,
  EvaluationStage,
  isBadReview,
  nationalSatisfactionCode,
  ratingFromNationalCode,
} from './evaluation/rating';
export { DeadlineSweepJob } from './supervision/deadline-sweep.job';
export { InsightsBackfillJob } from './application/insights-backfill.job';
export { NotificationDeliveryJob } from './notification/notification-delivery.job';
export { ApplicationService, type ApplicationView } from './application/application.service';
export { LifecycleService } from './application/lifecycle.service';
export { DefaultRatingsJob } from './evaluation/default-ratings.job';
export {
  ComplaintChannel,
  ComplaintOutcome,
  ComplaintStatus,
  ComplaintSubjectKind,
  complaintDue,
} from './complaint/complaint';
export { ComplaintRepository } from './complaint/complaint.repository';
export { AttendanceRepository } from './attendance/attendance.repository';
export { ClockDirection } from './attendance/attendance';
