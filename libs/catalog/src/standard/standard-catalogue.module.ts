import { Module } from '@nestjs/common';
import { CatalogueImporter } from './catalogue-importer';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueResolver } from './catalogue.resolver';
import { CatalogueService } from './catalogue.service';
import { ImportCatalogueJob } from './import-catalogue.job';

/** The standard catalogue (基本目录): versions, their items, imports and exports. */
@Module({
  providers: [
    CatalogueRepository,
    CatalogueService,
    CatalogueImporter,
    ImportCatalogueJob,
    CatalogueResolver,
  ],
  exports: [CatalogueRepository],
})
export class StandardCatalogueModule {}
