import { Global, Module } from '@nestjs/common';
import { InsightFacts } from '@tongban/core';
import { AssessmentRepository } from './assessment/assessment.repository';
import { AssessmentResolver } from './assessment/assessment.resolver';
import { AssessmentService } from './assessment/assessment.service';
import { InsightAccess } from './comparison/insight-access';
import { InsightsRepository } from './comparison/insights.repository';
import { InsightsResolver } from './comparison/insights.resolver';
import { InsightsService } from './comparison/insights.service';
import { InsightFactsRepository } from './rollup/insight-facts.repository';
import { InsightRecorder } from './rollup/insight-recorder';

/**
 * Insights (DESIGN.md §4.5). Global for its port: workflow records each application's facts
 * through core's InsightFacts, in the transaction of the change.
 */
@Global()
@Module({
  providers: [
    InsightFactsRepository,
    { provide: InsightFacts, useClass: InsightRecorder },
    InsightAccess,
    InsightsRepository,
    InsightsService,
    InsightsResolver,
    AssessmentRepository,
    AssessmentService,
    AssessmentResolver,
  ],
  exports: [InsightFacts],
})
export class InsightsModule {}

/** Resolvers of this library, for the GraphQL schema printer. */
export const INSIGHTS_RESOLVERS = [InsightsResolver, AssessmentResolver];
