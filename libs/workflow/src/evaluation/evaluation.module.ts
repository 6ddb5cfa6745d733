import { Module } from '@nestjs/common';
import { ApplicationModule } from '../application/application.module';
import { DefaultRatingsJob } from './default-ratings.job';
import { CalendarStoreModule } from '../calendar-store/calendar-store.module';
import { NotificationModule } from '../notification/notification.module';
import { SupervisionModule } from '../supervision/supervision.module';
import { EvaluationRepository } from './evaluation.repository';
import { EvaluationResolver } from './evaluation.resolver';
import { EvaluationService } from './evaluation.service';

/** 好差评 and 差评整改 (DESIGN.md §4.4). */
@Module({
  imports: [ApplicationModule, CalendarStoreModule, SupervisionModule, NotificationModule],
  providers: [EvaluationRepository, EvaluationService, EvaluationResolver, DefaultRatingsJob],
  exports: [EvaluationRepository, EvaluationService],
})
export class EvaluationModule {}
