export * from './errors';
export { TongbanErrorFilter } from './errors.filter';
export * from './tenant/tenant-kind';
export { TenantEntity } from './tenant/tenant.entity';
export {
  ServiceWindowEntity,
  ServiceWindowKind,
  takesInApplications,
} from './tenant/service-window.entity';
export { Role, ALL_ROLES } from './identity/role';
export type { Actor, ActorTenant } from './identity/actor';
export {
  UserEntity,
  UserStatus,
  MembershipEntity,
  SessionEntity,
  RefreshTokenEntity,
} from './identity/identity.entities';
export { hashPassword } from './identity/password-hasher';
export type { SigningKeys } from './identity/access-token';
export { ACCESS_TOKEN_ALGORITHM } from './identity/access-token';
export { LoginThrottle, type LoginThrottlePolicy } from './identity/login-throttle';
export { IDENTITY_OPTIONS, type IdentityOptions } from './identity/identity-options';
export { IdentityService, type AuthTokens } from './identity/identity.service';
export { PurgeExpiredSessionsProcessor } from './identity/purge-expired-sessions.processor';
export { RequestContext, MissingRequestContextError } from './context/request-context';
export { RequestLoaders, type BatchLoad } from './context/request-loaders';
export { Public, PUBLIC_ACCESS } from './auth/public.decorator';
export { AuthenticationGuard } from './auth/authentication.guard';
export { AuthorizationGuard } from './authorization/authorization.guard';
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
export { accessibleWhere, type SqlFilter } from './authorization/ability-sql';
export * from './authorization/role-rules';
export { TenantScope, scopeOf, type Scope } from './context/tenant-scope';
export { TenantDirectory, type TenantRecord } from './tenant/tenant-directory.service';
export { PageInfo } from './tenant/tenant.graphql';
export * from './jobs/job-queue';
export { JobContext } from './jobs/job-context';
export { RevokeTenantSessionsProcessor } from './tenant/revoke-tenant-sessions.processor';
export { TenancyModule, TENANCY_RESOLVERS } from './tenancy.module';

import { TenantEntity } from './tenant/tenant.entity';
import { ServiceWindowEntity } from './tenant/service-window.entity';
import {
  MembershipEntity,
  RefreshTokenEntity,
  SessionEntity,
  UserEntity,
} from './identity/identity.entities';

/** TypeORM entities of this library. */
export const TENANCY_ENTITIES = [
  TenantEntity,
  ServiceWindowEntity,
  UserEntity,
  MembershipEntity,
  SessionEntity,
  RefreshTokenEntity,
];
export {
  personalDataFor,
  maskName,
  maskIdNumber,
  maskPhone,
  type PersonalData,
} from './authorization/personal-data';
export {
  permissionsOf,
  tenantCapabilities,
  mayManageMember,
  grantableRolesOf,
  type TenantCapabilities,
} from './authorization/capabilities';
