import { DynamicModule, Module } from '@nestjs/common';
import { JobActors, TenantTree } from '@tongban/core';
import { AuditModule } from './audit/audit.module';
import { AuditTrailResolver } from './audit/audit-trail.resolver';
import { IdentityOptions } from './identity/identity-options';
import { IdentityModule } from './identity/identity.module';
import { IdentityResolver } from './identity/identity.resolver';
import { TenancyJobActors } from './job-actors';
import { OnboardingModule } from './onboarding/onboarding.module';
import { OnboardingReadiness } from './onboarding/onboarding-readiness';
import { OnboardingResolver } from './onboarding/onboarding.resolver';
import { StaffModule } from './staff/staff.module';
import { StaffResolver, TenantStaffResolver } from './staff/staff.resolver';
import { TenantReadiness } from './tenant/tenant-readiness';
import { TenantDirectory } from './tenant/tenant-directory.service';
import { TenantModule } from './tenant/tenant.module';
import { TenantResolver } from './tenant/tenant.resolver';
import { ServiceWindowResolver, TenantWindowsResolver } from './windows/service-window.resolver';
import { WindowsModule } from './windows/windows.module';

/**
 * The tenant tree, identity, windows, staff and onboarding, each its own module; `forRoot`
 * takes the identity options (keys, token lifetimes, login throttle) from the application.
 * Global: other domains read tenants, windows and accounts through the ports it exports.
 */
@Module({})
export class TenancyModule {
  static forRoot(identity: IdentityOptions): DynamicModule {
    return {
      module: TenancyModule,
      global: true,
      imports: [
        IdentityModule.forRoot(identity),
        TenantModule,
        WindowsModule,
        StaffModule,
        OnboardingModule,
        AuditModule,
      ],
      providers: [
        { provide: TenantReadiness, useExisting: OnboardingReadiness },
        { provide: JobActors, useClass: TenancyJobActors },
        { provide: TenantTree, useExisting: TenantDirectory },
      ],
      exports: [TenantReadiness, JobActors, TenantTree, TenantModule, WindowsModule],
    };
  }
}

/** Resolvers of this library, for the GraphQL schema printer. */
export const TENANCY_RESOLVERS = [
  IdentityResolver,
  TenantResolver,
  ServiceWindowResolver,
  TenantWindowsResolver,
  StaffResolver,
  TenantStaffResolver,
  OnboardingResolver,
  AuditTrailResolver,
];
