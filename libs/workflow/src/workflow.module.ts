import { Global, Module } from '@nestjs/common';
import { OpenApplications } from '@tongban/core';
import { ApplicationModule } from './application/application.module';
import { ApplicationResolver } from './application/application.resolver';
import { LifecycleResolver } from './application/lifecycle.resolver';
import { OpenApplicationCodes } from './application/open-applications';

/** Applications and their workflow (DESIGN.md §4.2–4.4). Needs the TenancyModule (global). */
// Global for its OpenApplications port: the catalogue's rollouts ask it (catalog cannot
// import workflow, which stands on the catalogue's intake menu).
@Global()
@Module({
  imports: [ApplicationModule],
  providers: [{ provide: OpenApplications, useClass: OpenApplicationCodes }],
  exports: [ApplicationModule, OpenApplications],
})
export class WorkflowModule {}

/** Resolvers of this library, for the GraphQL schema printer. */
export const WORKFLOW_RESOLVERS = [ApplicationResolver, LifecycleResolver];
