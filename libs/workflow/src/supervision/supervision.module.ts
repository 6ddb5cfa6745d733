import { Module } from '@nestjs/common';
import { SupervisionSettingsPort } from './supervision-settings.port';
import { SupervisionSettingsRepository } from './supervision-settings.repository';

/** Electronic supervision and evaluation (DESIGN.md §4.4): settings, warnings, evaluation. */
@Module({
  providers: [SupervisionSettingsRepository, SupervisionSettingsPort],
  exports: [SupervisionSettingsPort],
})
export class SupervisionModule {}
