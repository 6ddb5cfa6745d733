import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { TenantModule } from '../tenant/tenant.module';
import { WindowsModule } from '../windows/windows.module';
import { OnboardingReadiness } from './onboarding-readiness';
import { OnboardingRepository } from './onboarding.repository';
import { OnboardingResolver } from './onboarding.resolver';
import { OnboardingService } from './onboarding.service';
import { RevokeTenantSessionsJob } from './revoke-tenant-sessions.job';
import { TenantStatusService } from './tenant-status.service';

/** Opening, activating, suspending and reactivating tenants. */
@Module({
  imports: [TenantModule, WindowsModule, StaffModule],
  providers: [
    OnboardingRepository,
    OnboardingReadiness,
    OnboardingService,
    TenantStatusService,
    OnboardingResolver,
    RevokeTenantSessionsJob,
  ],
  exports: [OnboardingReadiness],
})
export class OnboardingModule {}
