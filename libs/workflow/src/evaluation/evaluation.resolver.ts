import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type HttpRequest, Public, RequireAbility } from '@tongban/core';
import {
  AppealRectificationInput,
  CloseRectificationCaseInput,
  DecideRectificationAppealInput,
  EvaluationDeviceModel,
  EvaluationLinkInfoModel,
  EvaluationLinkModel,
  RateByDeviceInput,
  RateByLinkInput,
  RatingReceiptModel,
  RecordRectificationCallbackInput,
  RectificationCaseConnection,
  RectificationCaseDetailModel,
  RectificationCasesFilterInput,
  RectificationCasesPageInput,
  RegisteredEvaluationDeviceModel,
  RegisterEvaluationDeviceInput,
} from './evaluation.graphql';
import { EvaluationService } from './evaluation.service';
import { EvaluationStage } from './rating';

/** 好差评 and 差评整改 (DESIGN.md §4.4); ratings by device and link need no login. */
@Resolver()
export class EvaluationResolver {
  constructor(private readonly service: EvaluationService) {}

  @RequireAbility('create', 'EvaluationDevice')
  @Mutation(() => RegisteredEvaluationDeviceModel, {
    description: "Register a window's evaluation device; its token is shown this once",
  })
  registerEvaluationDevice(
    @Args('input') input: RegisterEvaluationDeviceInput,
  ): Promise<RegisteredEvaluationDeviceModel> {
    return this.service.registerDevice(input);
  }

  @RequireAbility('update', 'EvaluationDevice')
  @Mutation(() => EvaluationDeviceModel, { description: 'Revoke a device: it rates nothing more' })
  revokeEvaluationDevice(
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<EvaluationDeviceModel> {
    return this.service.revokeDevice(id);
  }

  @RequireAbility('read', 'EvaluationDevice')
  @Query(() => [EvaluationDeviceModel], {
    description: "The evaluation devices of a tenant's windows (your own tenant by default)",
  })
  evaluationDevices(
    @Args('tenantId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true }))
    tenantId?: string | null,
  ): Promise<EvaluationDeviceModel[]> {
    return this.service.devices(tenantId ?? null);
  }

  @Public()
  @Mutation(() => RatingReceiptModel, {
    description:
      "A window's evaluation device rates the application just completed there (no login: the device token)",
  })
  rateByDevice(
    @Args('input') input: RateByDeviceInput,
    @Context('req') req: HttpRequest,
  ): Promise<RatingReceiptModel> {
    return this.service.rateByDevice(input, req.ip || 'unknown');
  }

  @Public()
  @Mutation(() => RatingReceiptModel, { description: 'Rate with a single-use link (no login)' })
  rateByLink(
    @Args('input') input: RateByLinkInput,
    @Context('req') req: HttpRequest,
  ): Promise<RatingReceiptModel> {
    return this.service.rateByLink(input, req.ip || 'unknown');
  }

  @Public()
  @Query(() => EvaluationLinkInfoModel, {
    description: 'What a rating link rates, while it can still be used (no login)',
  })
  evaluationLink(
    @Args('token') token: string,
    @Context('req') req: HttpRequest,
  ): Promise<EvaluationLinkInfoModel> {
    return this.service.linkInfo(token, req.ip || 'unknown');
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => EvaluationLinkModel, {
    description: 'A single-use rating link for an application you act on, to send the applicant',
  })
  issueEvaluationLink(
    @Args('applicationId', { type: () => ID }, new ParseUUIDPipe()) applicationId: string,
    @Args('stage', {
      type: () => EvaluationStage,
      nullable: true,
      description: 'COMPLETION by default',
    })
    stage?: EvaluationStage | null,
  ): Promise<EvaluationLinkModel> {
    return this.service.issueLink(applicationId, stage ?? EvaluationStage.COMPLETION);
  }

  @RequireAbility('read', 'Rectification')
  @Query(() => RectificationCaseConnection, {
    description: 'The rectification cases you may see, newest first',
  })
  async rectificationCases(
    @Args('filter', { type: () => RectificationCasesFilterInput, nullable: true })
    filter?: RectificationCasesFilterInput,
    @Args('page', { type: () => RectificationCasesPageInput, nullable: true })
    page?: RectificationCasesPageInput,
  ): Promise<RectificationCaseConnection> {
    const { nodes, hasNextPage, endCursor } = await this.service.listCases(
      filter ?? {},
      page?.first ?? 50,
      page?.after ?? null,
    );
    return { nodes, pageInfo: { hasNextPage, endCursor: endCursor ?? undefined } };
  }

  @RequireAbility('read', 'Rectification')
  @Query(() => RectificationCaseDetailModel)
  rectificationCase(
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<RectificationCaseDetailModel> {
    return this.service.getCase(id);
  }

  @RequireAbility('update', 'Rectification')
  @Mutation(() => RectificationCaseDetailModel, {
    description: '回访: record a callback to the rater (who called, when, what was agreed)',
  })
  recordRectificationCallback(
    @Args('input') input: RecordRectificationCallbackInput,
  ): Promise<RectificationCaseDetailModel> {
    return this.service.recordCallback(input);
  }

  @RequireAbility('update', 'Rectification')
  @Mutation(() => RectificationCaseDetailModel, {
    description: 'Close a rectification case with its outcome (after a callback is on record)',
  })
  closeRectificationCase(
    @Args('input') input: CloseRectificationCaseInput,
  ): Promise<RectificationCaseDetailModel> {
    return this.service.close(input);
  }

  @RequireAbility('create', 'Rectification')
  @Mutation(() => RectificationCaseDetailModel, {
    description: '申诉: the staff member the bad review concerns appeals it',
  })
  appealRectification(
    @Args('input') input: AppealRectificationInput,
  ): Promise<RectificationCaseDetailModel> {
    return this.service.appeal(input);
  }

  @RequireAbility('approve', 'Rectification')
  @Mutation(() => RectificationCaseDetailModel, {
    description: 'A supervisor decides an appeal: upheld voids the case, dismissed reopens it',
  })
  decideRectificationAppeal(
    @Args('input') input: DecideRectificationAppealInput,
  ): Promise<RectificationCaseDetailModel> {
    return this.service.decideAppeal(input);
  }
}
