import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireAbility } from '@tongban/core';
import { TenantModel } from '../tenant/tenant.graphql';
import { TenantRecord } from '../tenant/tenant.repository';
import {
  CreateServiceWindowInput,
  ServiceWindowModel,
  WindowAssignmentInput,
} from './service-window.graphql';
import { ServiceWindowRecord } from './service-window.repository';
import { ServiceWindowService } from './service-window.service';

@Resolver(() => ServiceWindowModel)
export class ServiceWindowResolver {
  constructor(private readonly windows: ServiceWindowService) {}

  @RequireAbility('create', 'ServiceWindow')
  @Mutation(() => ServiceWindowModel)
  createServiceWindow(@Args('input') input: CreateServiceWindowInput): Promise<ServiceWindowModel> {
    return this.windows.create(input);
  }

  @RequireAbility('update', 'ServiceWindow')
  @Mutation(() => ServiceWindowModel)
  assignStaffToWindow(@Args('input') input: WindowAssignmentInput): Promise<ServiceWindowModel> {
    return this.windows.assign(input.windowId, input.userId);
  }

  @RequireAbility('update', 'ServiceWindow')
  @Mutation(() => ServiceWindowModel)
  unassignStaffFromWindow(
    @Args('input') input: WindowAssignmentInput,
  ): Promise<ServiceWindowModel> {
    return this.windows.unassign(input.windowId, input.userId);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the logged-in user may take applications in at this window now',
  })
  viewerCanTakeIn(@Parent() window: ServiceWindowRecord): boolean {
    return this.windows.mayTakeIn(window);
  }
}

/** The windows of a tenant, as a field of the tenant. */
@Resolver(() => TenantModel)
export class TenantWindowsResolver {
  constructor(private readonly windows: ServiceWindowService) {}

  @ResolveField(() => [ServiceWindowModel])
  serviceWindows(@Parent() tenant: TenantRecord): Promise<ServiceWindowModel[]> {
    return this.windows.list(tenant.id);
  }
}
