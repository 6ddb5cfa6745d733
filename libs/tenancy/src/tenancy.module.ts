import { DynamicModule, Module, Provider } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AccessTokenStrategy } from './auth/access-token.strategy';
import { AuthenticationGuard } from './auth/authentication.guard';
import { AuthorizationGuard } from './authorization/authorization.guard';
import { TenantScope } from './context/tenant-scope';
import { ServiceWindowResolver, StaffResolver } from './staff/staff.resolver';
import { StaffService } from './staff/staff.service';
import { OnboardingService } from './tenant/onboarding.service';
import { ServiceWindowService } from './tenant/service-window.service';
import { TenantDirectory } from './tenant/tenant-directory.service';
import { TenantResolver } from './tenant/tenant.resolver';
import { RevokeTenantSessionsProcessor } from './tenant/revoke-tenant-sessions.processor';
import { JobContext } from './jobs/job-context';
import { RequestContext } from './context/request-context';
import { RequestLoaders } from './context/request-loaders';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity/identity-options';
import { IdentityResolver } from './identity/identity.resolver';
import { IdentityService } from './identity/identity.service';
import { PurgeExpiredSessionsProcessor } from './identity/purge-expired-sessions.processor';

/**
 * Tenant tree, identity and request context. `forRoot` takes the identity options (keys,
 * token lifetimes, login throttle) from the application.
 */
@Module({})
export class TenancyModule {
  static forRoot(identity: IdentityOptions): DynamicModule {
    const identityOptions: Provider = { provide: IDENTITY_OPTIONS, useValue: identity };
    return {
      module: TenancyModule,
      global: true,
      imports: [PassportModule],
      providers: [
        identityOptions,
        RequestContext,
        RequestLoaders,
        TenantScope,
        IdentityService,
        AccessTokenStrategy,
        AuthenticationGuard,
        AuthorizationGuard,
        IdentityResolver,
        PurgeExpiredSessionsProcessor,
        TenantDirectory,
        OnboardingService,
        ServiceWindowService,
        StaffService,
        TenantResolver,
        StaffResolver,
        ServiceWindowResolver,
        RevokeTenantSessionsProcessor,
        JobContext,
      ],
      exports: [
        RequestContext,
        RequestLoaders,
        TenantScope,
        TenantDirectory,
        IdentityService,
        AuthenticationGuard,
        AuthorizationGuard,
        PurgeExpiredSessionsProcessor,
        RevokeTenantSessionsProcessor,
        JobContext,
      ],
    };
  }
}

/** Resolvers of this library, for the GraphQL schema printer. */
export const TENANCY_RESOLVERS = [
  IdentityResolver,
  TenantResolver,
  StaffResolver,
  ServiceWindowResolver,
];
