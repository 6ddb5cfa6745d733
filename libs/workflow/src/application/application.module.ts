import { Module } from '@nestjs/common';
import { CatalogModule } from '@tongban/catalog';
import { CalendarStoreModule } from '../calendar-store/calendar-store.module';
import { ApplicationFacts } from './application-facts';
import { ApplicationClocks } from './application-clocks';
import { ApplicationRepository } from './application.repository';
import { ApplicationResolver } from './application.resolver';
import { ApplicationService } from './application.service';
import { LifecycleRepository } from './lifecycle.repository';
import { LifecycleResolver } from './lifecycle.resolver';
import { LifecycleService } from './lifecycle.service';
import { ProxyIntake } from './proxy-intake';
import { InsightsBackfillJob } from './insights-backfill.job';

/** Applications: intake, reading, the lifecycle and the work queue (DESIGN.md §4.3). Tenancy's ports come from its global module. */
@Module({
  imports: [CatalogModule, CalendarStoreModule],
  providers: [
    ApplicationRepository,
    ApplicationService,
    ApplicationResolver,
    ApplicationClocks,
    LifecycleRepository,
    LifecycleService,
    LifecycleResolver,
    ProxyIntake,
    ApplicationFacts,
    InsightsBackfillJob,
  ],
  exports: [ApplicationRepository, LifecycleRepository, ApplicationClocks, ApplicationFacts],
})
export class ApplicationModule {}
