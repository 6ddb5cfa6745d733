import { Module } from '@nestjs/common';
import { TenantDirectory } from './tenant-directory.service';
import { TenantRepository } from './tenant.repository';
import { TenantResolver } from './tenant.resolver';

/** The tenant tree and who sees which part of it. */
@Module({
  providers: [TenantRepository, TenantDirectory, TenantResolver],
  exports: [TenantRepository, TenantDirectory],
})
export class TenantModule {}
