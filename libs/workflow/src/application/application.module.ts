import { Module } from '@nestjs/common';
import { CatalogModule } from '@tongban/catalog';
import { ApplicationRepository } from './application.repository';
import { ApplicationResolver } from './application.resolver';
import { ApplicationService } from './application.service';

/** Applications: intake and reading (DESIGN.md §4.3). Tenancy's ports come from its global module. */
@Module({
  imports: [CatalogModule],
  providers: [ApplicationRepository, ApplicationService, ApplicationResolver],
  exports: [ApplicationRepository],
})
export class ApplicationModule {}
