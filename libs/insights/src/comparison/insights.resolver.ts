import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { RequireAbility } from '@tongban/core';
import {
  InsightCaseConnection,
  InsightCasesInput,
  InsightComparisonInput,
  InsightComparisonModel,
  InsightFigureDefinitionModel,
  InsightFiguresModel,
  InsightItemModel,
  InsightPeriodInput,
  InsightSeriesPointModel,
  InsightYearlySummaryModel,
} from './insights.graphql';
import { InsightsService } from './insights.service';

@Resolver()
export class InsightsResolver {
  constructor(private readonly insights: InsightsService) {}

  @RequireAbility('manage', 'Self')
  @Query(() => [InsightFigureDefinitionModel], {
    description: 'Every figure: its names and its definition, as shown beside the number',
  })
  insightDefinitions(): InsightFigureDefinitionModel[] {
    return this.insights.definitions() as InsightFigureDefinitionModel[];
  }

  // The standard catalogues published above the reader (row-level security bounds them).
  @RequireAbility('read', 'Application')
  @Query(() => [InsightItemModel], {
    description:
      'The items figures can be filtered by (the published standard catalogues you can read), by code',
  })
  insightItems(): Promise<InsightItemModel[]> {
    return this.insights.items();
  }

  // Whoever reads a tenant's applications reads its figures (the service checks the tenant).
  @RequireAbility('read', 'Application')
  @Query(() => InsightFiguresModel, {
    description:
      "A tenant's figures for a period (with what is below it unless tenantOnly), month on month and year on year",
  })
  insightFigures(@Args('input') input: InsightPeriodInput): Promise<InsightFiguresModel> {
    return this.insights.figures(input);
  }

  // Whoever reads a tenant's applications reads its figures (the service checks the tenant).
  @RequireAbility('read', 'Application')
  @Query(() => InsightComparisonModel, {
    description: "A tenant's children side by side for a period: the league table",
  })
  insightComparison(@Args('input') input: InsightComparisonInput): Promise<InsightComparisonModel> {
    return this.insights.comparison(input);
  }

  // Whoever reads a tenant's applications reads its figures (the service checks the tenant).
  @RequireAbility('read', 'Application')
  @Query(() => [InsightSeriesPointModel], { description: 'Month by month over a period (trends)' })
  insightSeries(@Args('input') input: InsightPeriodInput): Promise<InsightSeriesPointModel[]> {
    return this.insights.series(input);
  }

  // Whoever reads a tenant's applications reads its figures (the service checks the tenant).
  @RequireAbility('read', 'Application')
  @Query(() => InsightCaseConnection, {
    description: 'The applications behind a figure: as many as it counts (a rate: its denominator)',
  })
  async insightCases(@Args('input') input: InsightCasesInput): Promise<InsightCaseConnection> {
    const { nodes, hasNextPage, endCursor, totalCount } = await this.insights.cases(
      input,
      input.first ?? 100,
      input.after ?? null,
    );
    return { nodes, totalCount, pageInfo: { hasNextPage, endCursor: endCursor ?? undefined } };
  }

  @RequireAbility('read', 'Application')
  @Query(() => InsightYearlySummaryModel, {
    description:
      "Section I of a tenant's yearly work summary (一、行政审批服务工作及成效), generated from its figures",
  })
  insightYearlySummary(
    @Args('tenantId', { type: () => ID }, new ParseUUIDPipe()) tenantId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<InsightYearlySummaryModel> {
    return this.insights.yearlySummary(tenantId, year);
  }

  @RequireAbility('read', 'Application')
  @Query(() => String, {
    description: `The cases behind a figure as a spreadsheet (base64 XLSX); refused past ${100_000} cases`,
  })
  exportInsightCases(@Args('input') input: InsightCasesInput): Promise<string> {
    return this.insights.exportCases(input);
  }

  @RequireAbility('read', 'Application')
  @Query(() => String, { description: 'A league table as a spreadsheet (base64 XLSX)' })
  exportInsightComparison(@Args('input') input: InsightComparisonInput): Promise<string> {
    return this.insights.exportComparison(input);
  }
}
