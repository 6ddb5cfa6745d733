import { Module } from '@nestjs/common';
import { ApplicationModule } from './application/application.module';
import { ApplicationResolver } from './application/application.resolver';

/** Applications and their workflow (DESIGN.md §4.2–4.4). Needs the TenancyModule (global). */
@Module({ imports: [ApplicationModule], exports: [ApplicationModule] })
export class WorkflowModule {}

/** Resolvers of this library, for the GraphQL schema printer. */
export const WORKFLOW_RESOLVERS = [ApplicationResolver];
