import { Module } from '@nestjs/common';
import { WorkplaceNames } from '@tongban/core';
import { TenancyWorkplaceNames } from './workplace-names';
import { TenantModule } from '../tenant/tenant.module';
import { ServiceWindowPort } from './service-window.port';
import { ServiceWindowRepository } from './service-window.repository';
import { ServiceWindowResolver, TenantWindowsResolver } from './service-window.resolver';
import { ServiceWindowService } from './service-window.service';

/** Windows (窗口) of the halls and who works them. */
@Module({
  imports: [TenantModule],
  providers: [
    ServiceWindowRepository,
    ServiceWindowService,
    ServiceWindowPort,
    ServiceWindowResolver,
    TenantWindowsResolver,
    { provide: WorkplaceNames, useClass: TenancyWorkplaceNames },
  ],
  exports: [ServiceWindowRepository, ServiceWindowPort, WorkplaceNames],
})
export class WindowsModule {}
