import { Module } from '@nestjs/common';
import { TenantModule } from '../tenant/tenant.module';
import { StaffRepository } from './staff.repository';
import { StaffResolver, TenantStaffResolver } from './staff.resolver';
import { StaffService } from './staff.service';

/** The people of a tenant: invitations, roles, disabling. Identity comes from the root module. */
@Module({
  imports: [TenantModule],
  providers: [StaffRepository, StaffService, StaffResolver, TenantStaffResolver],
  exports: [StaffService],
})
export class StaffModule {}
