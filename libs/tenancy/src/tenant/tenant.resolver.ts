import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { abilityFor, RequestContext, RequireAbility, tenantCapabilities } from '@tongban/core';
import { TenantDirectory } from './tenant-directory.service';
import { TenantRecord } from './tenant.repository';
import {
  TenantConnection,
  TenantModel,
  TenantPermissions,
  TenantsPageInput,
} from './tenant.graphql';

@Resolver(() => TenantModel)
export class TenantResolver {
  constructor(
    private readonly directory: TenantDirectory,
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

  @ResolveField(() => TenantPermissions, { description: 'What the logged-in user may do here' })
  viewerCan(@Parent() tenant: TenantRecord): TenantPermissions {
    const actor = this.context.actor;
    return tenantCapabilities(abilityFor(actor), tenant, actor.tenant.id);
  }
}
