import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireAbility } from '../authorization/require-ability.decorator';
import { ServiceWindowRecord, ServiceWindowService } from '../tenant/service-window.service';
import {
  CreateServiceWindowInput,
  InviteStaffInput,
  ServiceWindowModel,
  SetStaffRolesInput,
  StaffAccountInput,
  StaffInvitation,
  StaffMemberModel,
  WindowAssignmentInput,
} from '../tenant/tenant.graphql';
import { StaffRecord, StaffService } from './staff.service';

@Resolver(() => StaffMemberModel)
export class StaffResolver {
  constructor(
    private readonly staff: StaffService,
    private readonly windows: ServiceWindowService,
  ) {}

  @RequireAbility('create', 'Staff')
  @Mutation(() => StaffInvitation, {
    description: 'Invite a person to a tenant with a one-time setup link',
  })
  inviteStaff(@Args('input') input: InviteStaffInput): Promise<StaffInvitation> {
    return this.staff.invite(input);
  }

  @RequireAbility('update', 'Staff')
  @Mutation(() => StaffMemberModel)
  setStaffRoles(@Args('input') input: SetStaffRolesInput): Promise<StaffMemberModel> {
    return this.staff.setRoles(input.userId, input.roles);
  }

  @RequireAbility('update', 'Staff')
  @Mutation(() => StaffMemberModel, { description: 'Disable an account: its sessions end at once' })
  disableStaff(@Args('input') input: StaffAccountInput): Promise<StaffMemberModel> {
    return this.staff.disable(input.userId);
  }

  @RequireAbility('update', 'Staff')
  @Mutation(() => StaffMemberModel)
  enableStaff(@Args('input') input: StaffAccountInput): Promise<StaffMemberModel> {
    return this.staff.enable(input.userId);
  }

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
    description: "Whether the logged-in user may change this person's roles and account",
  })
  viewerCanManage(@Parent() staff: StaffRecord): boolean {
    return this.staff.mayManage(staff);
  }
}

@Resolver(() => ServiceWindowModel)
export class ServiceWindowResolver {
  constructor(private readonly windows: ServiceWindowService) {}

  @ResolveField(() => Boolean, {
    description: 'Whether the logged-in user may take applications in at this window now',
  })
  viewerCanTakeIn(@Parent() window: ServiceWindowRecord): boolean {
    return this.windows.mayTakeIn(window);
  }
}
