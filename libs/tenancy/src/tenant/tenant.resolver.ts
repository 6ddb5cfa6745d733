import { ParseUUIDPipe } from '@nestjs/common';
import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { Request } from 'express';
import { Public } from '../auth/public.decorator';
import { RequireAbility } from '../authorization/require-ability.decorator';
import { AuthPayload, TenantModel } from '../identity/identity.graphql';
import { StaffService } from '../staff/staff.service';
import { OnboardingService } from './onboarding.service';
import { ServiceWindowService } from './service-window.service';
import { TenantDirectory, TenantRecord } from './tenant-directory.service';
import {
  CompleteSetupInput,
  OnboardingChecklistModel,
  OnboardingPreview,
  OnboardingResult,
  OnboardTenantInput,
  ReactivateTenantInput,
  ServiceWindowModel,
  StaffMemberModel,
  SuspendTenantInput,
  TenantConnection,
  TenantPermissions,
  TenantsPageInput,
} from './tenant.graphql';
import { abilityFor } from '../authorization/ability';
import { tenantCapabilities } from '../authorization/capabilities';
import { RequestContext } from '../context/request-context';

@Resolver(() => TenantModel)
export class TenantResolver {
  constructor(
    private readonly directory: TenantDirectory,
    private readonly onboarding: OnboardingService,
    private readonly windows: ServiceWindowService,
    private readonly staff: StaffService,
    private readonly context: RequestContext,
  ) {}

  @RequireAbility('read', 'Tenant')
  @Query(() => TenantConnection, { description: 'The tenants you can see, in division-code order' })
  async tenants(
    @Args('page', { type: () => TenantsPageInput, nullable: true }) page?: TenantsPageInput,
  ): Promise<TenantConnection> {
    const { nodes, hasNextPage } = await this.directory.list(
      page?.first ?? 200,
      page?.after ?? null,
    );
    return { nodes, pageInfo: { hasNextPage, endCursor: nodes.at(-1)?.divisionCode } };
  }

  @RequireAbility('read', 'Tenant')
  @Query(() => TenantModel)
  tenant(@Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string): Promise<TenantModel> {
    return this.directory.get(id);
  }

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
      problems: plan.problems,
    };
  }

  @RequireAbility('onboard', 'Tenant')
  @Mutation(() => OnboardingResult, { description: 'Open a township center or village station' })
  async onboardTenant(@Args('input') input: OnboardTenantInput): Promise<OnboardingResult> {
    const { tenant, setupLink } = await this.onboarding.onboard(input);
    return { tenant, managerSetupLink: setupLink };
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Set your password with a one-time setup link; logs you in',
  })
  async completeSetup(
    @Args('input') input: CompleteSetupInput,
    @Context('req') req: Request,
  ): Promise<AuthPayload> {
    const tokens = await this.onboarding.completeSetup(
      input.token,
      input.password,
      req.ip ?? 'unknown',
    );
    return { ...tokens, tokenType: 'Bearer' };
  }

  @RequireAbility('suspend', 'Tenant')
  @Mutation(() => TenantModel, {
    description: 'Suspend a tenant: its users can no longer log in; its data stays',
  })
  suspendTenant(@Args('input') input: SuspendTenantInput): Promise<TenantModel> {
    return this.onboarding.suspend(input.tenantId, input.reason);
  }

  @RequireAbility('suspend', 'Tenant')
  @Mutation(() => TenantModel)
  reactivateTenant(@Args('input') input: ReactivateTenantInput): Promise<TenantModel> {
    return this.onboarding.reactivate(input.tenantId);
  }

  @ResolveField(() => [ServiceWindowModel])
  serviceWindows(@Parent() tenant: TenantModel): Promise<ServiceWindowModel[]> {
    return this.windows.list(tenant.id);
  }

  @ResolveField(() => [StaffMemberModel])
  staffMembers(@Parent() tenant: TenantModel): Promise<StaffMemberModel[]> {
    return this.staff.list(tenant.id);
  }

  @ResolveField(() => TenantPermissions, { description: 'What the logged-in user may do here' })
  viewerCan(@Parent() tenant: TenantRecord): TenantPermissions {
    return tenantCapabilities(abilityFor(this.context.actor), tenant);
  }

  @ResolveField(() => OnboardingChecklistModel)
  onboardingChecklist(@Parent() tenant: TenantModel): Promise<OnboardingChecklistModel> {
    return this.directory.checklist(tenant.id);
  }
}
