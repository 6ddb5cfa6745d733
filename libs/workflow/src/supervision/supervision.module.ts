import { Module } from '@nestjs/common';
import { ApplicationModule } from '../application/application.module';
import { CalendarStoreModule } from '../calendar-store/calendar-store.module';
import { NotificationModule } from '../notification/notification.module';
import { DeadlineSweep } from './deadline-sweep';
import { DeadlineSweepJob } from './deadline-sweep.job';
import { SupervisionResolver } from './supervision.resolver';
import { SupervisionSettingsPort } from './supervision-settings.port';
import { SupervisionSettingsRepository } from './supervision-settings.repository';
import { SupervisionSettingsService } from './supervision-settings.service';
import { WarningRepository } from './warning.repository';
import { WarningService } from './warning.service';

/** Electronic supervision and evaluation (DESIGN.md §4.4): settings, warnings, evaluation. */
@Module({
  imports: [ApplicationModule, CalendarStoreModule, NotificationModule],
  providers: [
    SupervisionSettingsRepository,
    SupervisionSettingsPort,
    SupervisionSettingsService,
    WarningRepository,
    DeadlineSweep,
    DeadlineSweepJob,
    WarningService,
    SupervisionResolver,
  ],
  exports: [SupervisionSettingsPort],
})
export class SupervisionModule {}
