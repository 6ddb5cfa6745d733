import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireAbility } from '@tongban/core';
import { TenantModel } from '../tenant/tenant.graphql';
import { TenantRecord } from '../tenant/tenant.repository';
import {
  InviteStaffInput,
  SetStaffRolesInput,
  StaffAccountInput,
  StaffInvitation,
  StaffMemberModel,
} from './staff.graphql';
import { StaffRecord } from './staff.repository';
import { StaffService } from './staff.service';

@Resolver(() => StaffMemberModel)
export class StaffResolver {
  constructor(private readonly staff: StaffService) {}

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

  @RequireAbility('update', 'Staff')
  @Mutation(() => StaffInvitation, {
    description:
      'A new one-time setup link for an invited person (earlier unused ones stop working)',
  })
  issueSetupLink(@Args('input') input: StaffAccountInput): Promise<StaffInvitation> {
    return this.staff.issueSetupLink(input.userId);
  }

  @RequireAbility('update', 'Staff')
  @Mutation(() => StaffInvitation, {
    description:
      'Reset a password: a one-time link with which the person sets a new one (their sessions then end)',
  })
  resetStaffPassword(@Args('input') input: StaffAccountInput): Promise<StaffInvitation> {
    return this.staff.resetPassword(input.userId);
  }

  @RequireAbility('update', 'Staff')
  @Mutation(() => StaffMemberModel, {
    description: 'Lift a lock-out after too many wrong passwords',
  })
  unlockStaff(@Args('input') input: StaffAccountInput): Promise<StaffMemberModel> {
    return this.staff.unlock(input.userId);
  }

  @ResolveField(() => Boolean, { description: 'Locked out now after too many wrong passwords' })
  locked(@Parent() staff: StaffRecord): Promise<boolean> {
    return this.staff.isLocked(staff);
  }

  @ResolveField(() => Boolean, {
    description: "Whether the logged-in user may change this person's roles and account",
  })
  viewerCanManage(@Parent() staff: StaffRecord): boolean {
    return this.staff.mayManage(staff);
  }
}

/** The staff of a tenant, as a field of the tenant. */
@Resolver(() => TenantModel)
export class TenantStaffResolver {
  constructor(private readonly staff: StaffService) {}

  @ResolveField(() => [StaffMemberModel])
  staffMembers(@Parent() tenant: TenantRecord): Promise<StaffMemberModel[]> {
    return this.staff.list(tenant.id);
  }
}
