import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { HttpReply, HttpRequest, Public, RequireAbility } from '@tongban/core';
import { AuthPayload } from '../identity/identity.graphql';
import { IdentityService } from '../identity/identity.service';
import { setRefreshCookie } from '../identity/session.controller';
import { TenantModel } from '../tenant/tenant.graphql';
import { TenantRecord } from '../tenant/tenant.repository';
import {
  CompleteSetupInput,
  OnboardingChecklistModel,
  OnboardingPreview,
  OnboardingResult,
  OnboardTenantInput,
  ReactivateTenantInput,
  OnboardedVillage,
  SuspendTenantInput,
  VillageSheetInput,
  VillageSheetPreview,
} from './onboarding.graphql';
import { OnboardingReadiness } from './onboarding-readiness';
import { OnboardingService } from './onboarding.service';
import { TenantStatusService } from './tenant-status.service';

@Resolver(() => TenantModel)
export class OnboardingResolver {
  constructor(
    private readonly onboarding: OnboardingService,
    private readonly status: TenantStatusService,
    private readonly readiness: OnboardingReadiness,
    private readonly identity: IdentityService,
  ) {}

  @RequireAbility('onboard', 'Tenant')
  @Query(() => OnboardingPreview, {
    description: 'What onboarding would do, and what stops it; writes nothing',
  })
  async onboardingPreview(@Args('input') input: OnboardTenantInput): Promise<OnboardingPreview> {
    const plan = await this.onboarding.preview(input);
    return {
      parent: plan.parent,
      kind: input.kind,
      divisionCode: input.divisionCode,
      name: input.name,
      windows: input.windows,
      managerUsername: input.manager.username,
      managerDisplayName: input.manager.displayName,
      managerRole: plan.managerRole,
      problems: plan.problems.map((p) => p.message),
      issues: plan.problems,
    };
  }

  @RequireAbility('onboard', 'Tenant')
  @Mutation(() => OnboardingResult, { description: 'Open a township center or village station' })
  async onboardTenant(@Args('input') input: OnboardTenantInput): Promise<OnboardingResult> {
    const { tenant, setupLink, menu } = await this.onboarding.onboard(input);
    return {
      tenant,
      managerSetupLink: setupLink,
      menuItemCount: menu.added,
      menuSkipped: menu.skipped,
    };
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Set your password with a one-time setup link; logs you in',
  })
  async completeSetup(
    @Args('input') input: CompleteSetupInput,
    @Context('req') req: HttpRequest,
    @Context('res') res: HttpReply,
  ): Promise<AuthPayload> {
    const tokens = await this.onboarding.completeSetup(
      input.token,
      input.password,
      req.ip || 'unknown',
    );
    setRefreshCookie(req, res, tokens.refreshToken, this.identity.refreshTokenTtlSeconds);
    return { ...tokens, tokenType: 'Bearer' };
  }

  @RequireAbility('suspend', 'Tenant')
  @Mutation(() => TenantModel, {
    description: 'Suspend a tenant: its users can no longer log in; its data stays',
  })
  suspendTenant(@Args('input') input: SuspendTenantInput): Promise<TenantModel> {
    return this.status.suspend(input.tenantId, input.reason);
  }

  @RequireAbility('suspend', 'Tenant')
  @Mutation(() => TenantModel)
  reactivateTenant(@Args('input') input: ReactivateTenantInput): Promise<TenantModel> {
    return this.status.reactivate(input.tenantId);
  }

  @RequireAbility('onboard', 'Tenant')
  @Query(() => String, {
    description: 'A blank sheet for opening village stations in bulk (base64 XLSX)',
  })
  villageSheetTemplate(): Promise<string> {
    return this.onboarding.villageTemplate();
  }

  @RequireAbility('onboard', 'Tenant')
  @Query(() => VillageSheetPreview, {
    description: 'What opening the stations of a sheet would do, row by row; writes nothing',
  })
  async villageSheetPreview(@Args('input') input: VillageSheetInput): Promise<VillageSheetPreview> {
    const { rows, problems, report } = await this.onboarding.previewVillages(
      input.parentId,
      input.spreadsheet,
    );
    return { rows, problems, report };
  }

  @RequireAbility('onboard', 'Tenant')
  @Mutation(() => [OnboardedVillage], {
    description: 'Open every station of the sheet at once, or none when any row has a problem',
  })
  async onboardVillages(@Args('input') input: VillageSheetInput): Promise<OnboardedVillage[]> {
    const opened = await this.onboarding.onboardVillages(
      input.parentId,
      input.spreadsheet,
      input.menuTemplateId ?? null,
    );
    return opened.map(({ menu, ...village }) => ({ ...village, menuItemCount: menu.added }));
  }

  @ResolveField(() => OnboardingChecklistModel)
  onboardingChecklist(@Parent() tenant: TenantRecord): Promise<OnboardingChecklistModel> {
    return this.readiness.checklist(tenant.id);
  }
}
