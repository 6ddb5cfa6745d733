// @tongban/catalog: the catalogue (DESIGN.md §4.1). Stands on @tongban/core alone.
export { CatalogModule, CATALOG_RESOLVERS } from './catalog.module';
export * from './core/item';
export * from './core/catalogue-version';
export * from './core/localization';
export * from './core/menu';
export * from './core/catalogue-sheet';
export * from './core/intake';
export * from './core/catalogue-diff';
export * from './core/rollout-plan';
export * from './spreadsheet/catalogue-workbook';
export { CatalogueRepository, type CatalogueVersionRecord } from './standard/catalogue.repository';
export { DEMO_STANDARD_CATALOGUE } from './demo';
export { ImplementationRepository } from './implementation/implementation.repository';
export { IntakeMenu } from './implementation/intake-menu';
export { MaterialModel, TimeLimitModel } from './standard/catalogue.graphql';
