import { Module } from '@nestjs/common';
import { GuideModule } from './guide/guide.module';
import { GuideResolver } from './guide/guide.resolver';
import { ImplementationModule } from './implementation/implementation.module';
import { ImplementationResolver } from './implementation/implementation.resolver';
import { CatalogueResolver } from './standard/catalogue.resolver';
import { StandardCatalogueModule } from './standard/standard-catalogue.module';

/** The catalogue (DESIGN.md §4.1). Stands on @tongban/core alone (tenants through its TenantTree port). */
@Module({
  imports: [StandardCatalogueModule, ImplementationModule, GuideModule],
  exports: [StandardCatalogueModule, ImplementationModule],
})
export class CatalogModule {}

/** Resolvers of this library, for the GraphQL schema printer. */
export const CATALOG_RESOLVERS = [CatalogueResolver, ImplementationResolver, GuideResolver];
