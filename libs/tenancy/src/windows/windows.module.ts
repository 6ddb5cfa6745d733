import { Module } from '@nestjs/common';
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
  ],
  exports: [ServiceWindowRepository, ServiceWindowPort],
})
export class WindowsModule {}
