import { Module } from '@nestjs/common';
import { CatalogModule } from '@tongban/catalog';
import { ConsultationRepository } from './consultation.repository';
import { ConsultationResolver } from './consultation.resolver';
import { ConsultationService } from './consultation.service';

/** Consultations (咨询): logged at windows, listed and counted (DESIGN.md §4.3, §4.5). */
@Module({
  imports: [CatalogModule],
  providers: [ConsultationRepository, ConsultationService, ConsultationResolver],
  exports: [ConsultationRepository],
})
export class ConsultationModule {}
