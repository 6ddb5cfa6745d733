// @tongban/tenancy: the tenant tree, identity, windows, staff and onboarding. Other domains
// use only what is exported here: the module, the ports and the shapes they return.
export { TenancyModule, TENANCY_RESOLVERS } from './tenancy.module';

export { IDENTITY_OPTIONS, type IdentityOptions } from './identity/identity-options';
export { LoginThrottle, type LoginThrottlePolicy } from './identity/login-throttle';
export { hashPassword } from './identity/password-hasher';
export { ACCESS_TOKEN_ALGORITHM, type SigningKeys } from './identity/access-token';
export { AuthenticationGuard } from './identity/authentication.guard';
export { IdentityService, type AuthTokens } from './identity/identity.service';
export { PurgeExpiredSessionsJob } from './identity/purge-expired-sessions.job';
export { UserDirectory } from './identity/user-directory';

export { TenantDirectory } from './tenant/tenant-directory.service';
export type { TenantRecord } from './tenant/tenant.repository';

export { ServiceWindowKind, takesInApplications } from './windows/service-window-kind';
export { ServiceWindowPort } from './windows/service-window.port';
export type { ServiceWindowRecord } from './windows/service-window.repository';
export { onboardingChecklist } from './onboarding/onboarding-checklist';
