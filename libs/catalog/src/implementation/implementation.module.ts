import { Module } from '@nestjs/common';
import { StandardCatalogueModule } from '../standard/standard-catalogue.module';
import { ImplementationRepository } from './implementation.repository';
import { ImplementationResolver } from './implementation.resolver';
import { ImplementationService } from './implementation.service';
import { IntakeMenu } from './intake-menu';
import { MenuTemplateRepository } from './menu-template.repository';

/** Implementation lists (实施清单), menus and a county's menu templates. */
@Module({
  imports: [StandardCatalogueModule],
  providers: [
    ImplementationRepository,
    MenuTemplateRepository,
    ImplementationService,
    ImplementationResolver,
    IntakeMenu,
  ],
  exports: [ImplementationRepository, MenuTemplateRepository, IntakeMenu, ImplementationService],
})
export class ImplementationModule {}
