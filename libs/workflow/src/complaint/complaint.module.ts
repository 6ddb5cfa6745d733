import { Module } from '@nestjs/common';
import { CalendarStoreModule } from '../calendar-store/calendar-store.module';
import { NotificationModule } from '../notification/notification.module';
import { SupervisionModule } from '../supervision/supervision.module';
import { ComplaintRepository } from './complaint.repository';
import { ComplaintResolver } from './complaint.resolver';
import { ComplaintService } from './complaint.service';

/** 投诉 (issue 12): complaints and their handling. */
@Module({
  imports: [CalendarStoreModule, SupervisionModule, NotificationModule],
  providers: [ComplaintRepository, ComplaintService, ComplaintResolver],
  exports: [ComplaintService],
})
export class ComplaintModule {}
