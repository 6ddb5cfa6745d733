import { Module } from '@nestjs/common';
import { ApplicationResolver } from './application/application.resolver';
import { ApplicationService } from './application/application.service';

/** Applications and their workflow (DESIGN.md §4.3). Needs the TenancyModule (global). */
@Module({ providers: [ApplicationService, ApplicationResolver] })
export class WorkflowModule {}

/** Resolvers of this library, for the GraphQL schema printer. */
export const WORKFLOW_RESOLVERS = [ApplicationResolver];
