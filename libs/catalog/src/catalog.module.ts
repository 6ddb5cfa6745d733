import { Global, Module } from '@nestjs/common';
import { CenterMenus } from '@tongban/core';
import { ImplementationService } from './implementation/implementation.service';
import { GuideModule } from './guide/guide.module';
import { GuideResolver } from './guide/guide.resolver';
import { ImplementationModule } from './implementation/implementation.module';
import { ImplementationResolver } from './implementation/implementation.resolver';
import { RolloutModule } from './rollout/rollout.module';
import { RolloutResolver } from './rollout/rollout.resolver';
import { CatalogueResolver } from './standard/catalogue.resolver';
import { StandardCatalogueModule } from './standard/standard-catalogue.module';

/** The catalogue (DESIGN.md §4.1). Stands on @tongban/core alone (tenants through its TenantTree port). */
// Global for its ports: tenancy's onboarding gives new centers their menus (CenterMenus),
// insights filter by item and department (CatalogueDirectory, from StandardCatalogueModule).
@Global()
@Module({
  imports: [StandardCatalogueModule, ImplementationModule, GuideModule, RolloutModule],
  providers: [{ provide: CenterMenus, useExisting: ImplementationService }],
  exports: [StandardCatalogueModule, ImplementationModule, CenterMenus],
})
export class CatalogModule {}

/** Resolvers of this library, for the GraphQL schema printer. */
export const CATALOG_RESOLVERS = [
  CatalogueResolver,
  ImplementationResolver,
  GuideResolver,
  RolloutResolver,
];
