import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireAbility } from '@tongban/core';
import { TenantModel } from '../tenant/tenant.graphql';
import { TenantRecord } from '../tenant/tenant.repository';
import {
  CreateServiceWindowInput,
  RenameServiceWindowInput,
  ServiceWindowInput,
  SetServiceWindowCameraInput,
  ServiceWindowModel,
  WindowAssignmentInput,
} from './service-window.graphql';
import { IntakeRefusal } from './service-window-kind';
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

  @RequireAbility('update', 'ServiceWindow')
  @Mutation(() => ServiceWindowModel)
  renameServiceWindow(@Args('input') input: RenameServiceWindowInput): Promise<ServiceWindowModel> {
    return this.windows.rename(input.windowId, input.name);
  }

  @RequireAbility('update', 'ServiceWindow')
  @Mutation(() => ServiceWindowModel, {
    description: '视频监控: set or clear the window’s camera link',
  })
  setServiceWindowCamera(
    @Args('input') input: SetServiceWindowCameraInput,
  ): Promise<ServiceWindowModel> {
    return this.windows.setCamera(input.windowId, input.cameraUrl ?? null);
  }

  @RequireAbility('update', 'ServiceWindow')
  @Mutation(() => ServiceWindowModel, {
    description: 'Stop a window taking applications in; its applications stay with it',
  })
  disableServiceWindow(@Args('input') input: ServiceWindowInput): Promise<ServiceWindowModel> {
    return this.windows.setDisabled(input.windowId, true);
  }

  @RequireAbility('update', 'ServiceWindow')
  @Mutation(() => ServiceWindowModel)
  enableServiceWindow(@Args('input') input: ServiceWindowInput): Promise<ServiceWindowModel> {
    return this.windows.setDisabled(input.windowId, false);
  }

  @RequireAbility('update', 'ServiceWindow')
  @Mutation(() => Boolean, {
    description: 'Delete a window no application was taken in at (CONFLICT otherwise: disable it)',
  })
  deleteServiceWindow(@Args('input') input: ServiceWindowInput): Promise<boolean> {
    return this.windows.delete(input.windowId);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the logged-in user may take applications in at this window now',
  })
  viewerCanTakeIn(@Parent() window: ServiceWindowRecord): boolean {
    return this.windows.intakeRefusal(window) === null;
  }

  @ResolveField(() => IntakeRefusal, {
    nullable: true,
    description: 'Why the logged-in user may not take applications in here; null when they may',
  })
  intakeRefusal(@Parent() window: ServiceWindowRecord): IntakeRefusal | null {
    return this.windows.intakeRefusal(window);
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
