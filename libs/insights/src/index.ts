// @tongban/insights: the figures of DESIGN.md §4.5, counted from a read model that workflow
// writes through core's InsightFacts port; comparisons, drill-down and exports.
export * from './figures/counters';
export * from './figures/figures';
export * from './figures/period';
export * from './figures/league';
export { InsightsModule, INSIGHTS_RESOLVERS } from './insights.module';
export { InsightRecorder } from './rollup/insight-recorder';
export { InsightFactsRepository } from './rollup/insight-facts.repository';
export { InsightsRepository } from './comparison/insights.repository';
export * from './assessment/assessment';
