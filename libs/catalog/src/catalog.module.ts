import { Module } from '@nestjs/common';
import { CatalogueResolver } from './standard/catalogue.resolver';
import { StandardCatalogueModule } from './standard/standard-catalogue.module';

/** The catalogue (DESIGN.md §4.1). Stands on @tongban/core alone. */
@Module({ imports: [StandardCatalogueModule], exports: [StandardCatalogueModule] })
export class CatalogModule {}

/** Resolvers of this library, for the GraphQL schema printer. */
export const CATALOG_RESOLVERS = [CatalogueResolver];
