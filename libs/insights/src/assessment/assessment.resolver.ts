import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireAbility } from '@tongban/core';
import {
  AssessmentUnit,
  AssessmentWeightsModel,
  MonthlyAssessmentModel,
} from '../comparison/insights.graphql';
import { AssessmentService } from './assessment.service';

@Resolver()
export class AssessmentResolver {
  constructor(private readonly assessments: AssessmentService) {}

  // Whoever reads a center's applications reads its assessment (the service checks the tenant).
  @RequireAbility('read', 'Application')
  @Query(() => MonthlyAssessmentModel, {
    description:
      "A center's monthly assessment of its windows (or staff): the weighted formula, ranked",
  })
  monthlyAssessment(
    @Args('tenantId', { type: () => ID }, new ParseUUIDPipe()) tenantId: string,
    @Args('month', { description: 'YYYY-MM' }) month: string,
    @Args('by', { type: () => AssessmentUnit, nullable: true }) by?: AssessmentUnit,
  ): Promise<MonthlyAssessmentModel> {
    return this.assessments.assessment(
      tenantId,
      month,
      by ?? AssessmentUnit.WINDOW,
    ) as Promise<MonthlyAssessmentModel>;
  }

  @RequireAbility('read', 'Application')
  @Query(() => String, {
    description:
      "A month's assessment circular (通报): its text in Chinese, then the ranked table (base64 XLSX)",
  })
  exportMonthlyAssessment(
    @Args('tenantId', { type: () => ID }, new ParseUUIDPipe()) tenantId: string,
    @Args('month', { description: 'YYYY-MM' }) month: string,
    @Args('by', { type: () => AssessmentUnit, nullable: true }) by?: AssessmentUnit,
  ): Promise<string> {
    return this.assessments.exportCircular(tenantId, month, by ?? AssessmentUnit.WINDOW);
  }

  @RequireAbility('update', 'SupervisionSettings')
  @Mutation(() => AssessmentWeightsModel, {
    description: "A county's weights of the monthly assessment (whole numbers summing to 100)",
  })
  setAssessmentWeights(
    @Args('tenantId', { type: () => ID }, new ParseUUIDPipe()) tenantId: string,
    @Args('weights', { type: () => AssessmentWeightsModel }) weights: AssessmentWeightsModel,
  ): Promise<AssessmentWeightsModel> {
    return this.assessments.setWeights(tenantId, weights);
  }
}
