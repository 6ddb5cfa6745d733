// @tongban/core: what every domain stands on (DESIGN.md §5). Nothing here knows a domain.
export * from './errors/errors';
export { TongbanErrorFilter } from './errors/errors.filter';
export { databaseErrorAsTyped, RetryableConflictError } from './errors/database-errors';
export {
  asServiceUnavailable,
  unreachableService,
  type UnreachableService,
} from './errors/unreachable-service';
export { CoreModule } from './core.module';

export { Role, ALL_ROLES } from './vocabulary/role';
export * from './vocabulary/tenant-kind';
export type { Actor, ActorTenant } from './vocabulary/actor';
export { PageInfo, pageOf, type Page } from './vocabulary/paging';
export { isUuid } from './vocabulary/uuid';
export { Clock, SystemClock, FixedClock, ShiftedClock, beijingDay } from './vocabulary/clock';
import './vocabulary/vocabulary.graphql';

export { RequestContext, MissingRequestContextError } from './context/request-context';
export { RequestLoaders, type BatchLoad } from './context/request-loaders';
export { TenantScope, scopeOf, applyScope, SCOPE_SQL, type Scope } from './context/tenant-scope';
export { ReportingScope, ReportingDataSource } from './context/reporting-scope';
export { TenantTree, type TenantNode } from './context/tenant-tree';
export { CenterMenus, type MenuApplied } from './context/center-menus';
export { OpenApplications } from './context/open-applications';
export { ProvisionalDeadlines } from './context/provisional-deadlines';
export { InsightFacts, type ApplicationFact } from './context/insight-facts';
export { WorkplaceNames } from './context/workplace-names';
export { CatalogueDirectory, type DirectoryItem } from './context/catalogue-directory';
export { AttendanceRates } from './context/attendance-rates';

export {
  AuditRepository,
  type AuditAction,
  type AuditEvent,
  type AuditEventRow,
} from './audit/audit.repository';

export { Public, PUBLIC_ACCESS } from './authorization/public.decorator';
export { AuthorizationGuard } from './guards/authorization.guard';
export {
  RequireAbility,
  REQUIRED_ABILITY,
  type RequiredAbility,
} from './authorization/require-ability.decorator';
export {
  abilityFor,
  subject,
  type SubjectRecord,
  type TongbanAbility,
} from './authorization/ability';
export { accessibleWhere, type SqlFilter, type FieldSql } from './authorization/ability-sql';
export * from './authorization/role-rules';
export * from './authorization/capabilities';
export {
  personalDataFor,
  maskName,
  maskIdNumber,
  maskPhone,
  type PersonalData,
} from './authorization/personal-data';

export * from './jobs/job-queue';
export { JobContext, JobActors } from './jobs/job-context';
export { JobRunner } from './jobs/job-runner';
export { InProcessJobQueue } from './jobs/in-process-job-queue';
export { JobProcessorRegistry } from './jobs/job-processor.registry';
export { SafeTextPipe } from './validation/safe-text.pipe';
export { findUnsafeText, textProblem, type TextProblem } from './validation/safe-text';
export { loggableError, withoutValues, type LoggableError } from './errors/loggable-error';
export { mayGrant, readsBeyond } from './authorization/grant-reach';
export { headerOf, type HttpReply, type HttpRequest } from './vocabulary/http';
