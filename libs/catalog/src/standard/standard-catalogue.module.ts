import { Module } from '@nestjs/common';
import { CatalogueDirectory } from '@tongban/core';
import { CatalogueImporter } from './catalogue-importer';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueResolver } from './catalogue.resolver';
import { CatalogueService } from './catalogue.service';
import { ImportCatalogueJob } from './import-catalogue.job';
import { StandardDirectory } from './standard-directory';

/** The standard catalogue (基本目录): versions, their items, imports and exports. */
@Module({
  providers: [
    CatalogueRepository,
    CatalogueService,
    CatalogueImporter,
    ImportCatalogueJob,
    CatalogueResolver,
    { provide: CatalogueDirectory, useClass: StandardDirectory },
  ],
  exports: [CatalogueRepository, CatalogueDirectory],
})
export class StandardCatalogueModule {}
