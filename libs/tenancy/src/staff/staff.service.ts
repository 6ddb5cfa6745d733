import { Inject, Injectable } from '@nestjs/common';
import {
  abilityFor,
  AuditRepository,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  mayGrant,
  mayManageMember,
  NotFoundError,
  RequestContext,
  RequestLoaders,
  Role,
  ROLE_TENANT_KINDS,
  TenantScope,
} from '@tongban/core';
import { EntityManager } from 'typeorm';
import { IdentityRepository } from '../identity/identity.repository';
import {
  SetupLinkIssued,
  SetupLinkPurpose,
  SetupLinkRepository,
} from '../identity/setup-link.repository';
import { IDENTITY_OPTIONS, IdentityOptions } from '../identity/identity-options';
import { UserRepository } from '../identity/user.repository';
import { TenantDirectory } from '../tenant/tenant-directory.service';
import { Problem } from '../tenant/division-code';
import { TenantRecord } from '../tenant/tenant.repository';
import { StaffRecord, StaffRepository } from './staff.repository';
import { roleSetProblem } from './role-set';
import { usernameFormProblem } from './username';

export interface Invitation {
  tenantId: string;
  username: string;
  displayName: string;
  roles: Role[];
  invitedBy: string;
}

/**
 * Staff of a tenant: invitations, roles, disabling. Roles are given only inside the
 * administrator's subtree and never above what their own role may give (role-rules.ts).
 */
@Injectable()
export class StaffService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly directory: TenantDirectory,
    private readonly loaders: RequestLoaders,
    private readonly staff: StaffRepository,
    private readonly users: UserRepository,
    private readonly identities: IdentityRepository,
    private readonly setupLinks: SetupLinkRepository,
    private readonly audit: AuditRepository,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  /** A tenant's staff; batched per request (many tenants' staff in one query). */
  list(tenantId: string): Promise<StaffRecord[]> {
    return this.loaders.load('staffMembers', (ids) => this.listEach(ids), tenantId);
  }

  private listEach(tenantIds: readonly string[]): Promise<(StaffRecord[] | Error)[]> {
    return this.directory.readOwnedEach(tenantIds, 'Staff', (manager, ids) =>
      this.staff.listOf(manager, ids),
    );
  }

  async invite(input: Omit<Invitation, 'invitedBy'>): Promise<{
    staff: StaffRecord;
    setupLink: SetupLinkIssued;
  }> {
    const actor = this.context.actor;
    return this.scope.run(async (manager) => {
      const tenant = await this.directory.require(manager, input.tenantId);
      this.directory.assertMayOwn('create', 'Staff', tenant);
      this.assertGrantable(input.roles, tenant);
      const problems = await this.usernameProblems(manager, input.username);
      if (problems.length) {
        throw new ConflictError(problems.map((p) => p.message).join('; '), {
          reason: problems[0].code,
        });
      }
      const { userId, ...setupLink } = await this.createInvited(manager, {
        ...input,
        invitedBy: actor.userId,
      });
      return { staff: await this.load(manager, userId), setupLink };
    });
  }

  /** Why a username cannot be given to a new person (form, or taken), in the caller's transaction. */
  async usernameProblems(
    manager: EntityManager,
    username: string,
  ): Promise<Problem<'USERNAME_FORMAT' | 'USERNAME_TAKEN'>[]> {
    const formProblem = usernameFormProblem(username);
    if (formProblem) return [{ code: 'USERNAME_FORMAT', message: formProblem }];
    return (await this.users.usernameTaken(manager, username))
      ? [{ code: 'USERNAME_TAKEN', message: `The username ${username} is taken` }]
      : [];
  }

  /**
   * Creates an invited person (no password yet) with a membership in the tenant and a one-time
   * setup link, in the caller's scoped transaction (invitations and onboarding).
   */
  async createInvited(
    manager: EntityManager,
    invitation: Invitation,
  ): Promise<SetupLinkIssued & { userId: string }> {
    const userId = await this.users.createInvited(manager, {
      username: invitation.username,
      displayName: invitation.displayName.trim(),
      homeTenantId: invitation.tenantId,
    });
    if (!userId) throw new ConflictError(`The username ${invitation.username} is taken`);
    await this.staff.addMembership(manager, {
      tenantId: invitation.tenantId,
      userId,
      roles: invitation.roles,
    });
    const link = await this.setupLinks.issue(manager, {
      tenantId: invitation.tenantId,
      userId,
      createdBy: invitation.invitedBy,
    });
    await this.audit.record(manager, {
      tenantId: invitation.tenantId,
      actorId: invitation.invitedBy,
      action: 'STAFF_INVITED',
      subjectId: userId,
      details: { username: invitation.username, roles: invitation.roles },
    });
    return { ...link, userId };
  }

  setRoles(userId: string, roles: Role[]): Promise<StaffRecord> {
    return this.change(userId, async (manager, staff, tenant) => {
      this.assertGrantable(roles, tenant);
      await this.staff.setRoles(manager, { tenantId: staff.tenantId, userId, roles });
      return { action: 'STAFF_ROLES_CHANGED', details: { from: staff.roles, to: roles } } as const;
    });
  }

  disable(userId: string): Promise<StaffRecord> {
    return this.change(userId, async (manager, staff) => {
      if (staff.status === 'DISABLED') throw new ConflictError('This account is already disabled');
      await this.users.disable(manager, userId);
      // Their access ends now, not when the current access token expires.
      await this.identities.revokeSessionsOfUser(manager, userId, 'USER_DISABLED');
      return { action: 'STAFF_DISABLED' } as const;
    });
  }

  enable(userId: string): Promise<StaffRecord> {
    return this.change(userId, async (manager, staff) => {
      if (staff.status !== 'DISABLED')
        throw new ConflictError(`This account is ${staff.status}, not DISABLED`);
      await this.users.enable(manager, userId);
      return { action: 'STAFF_ENABLED' } as const;
    });
  }

  /**
   * A new one-time setup link for an invited person whose first one was lost or expired; the
   * earlier unused links stop working.
   */
  issueSetupLink(userId: string): Promise<{ staff: StaffRecord; setupLink: SetupLinkIssued }> {
    return this.issueLink(userId, 'SETUP');
  }

  /**
   * A password reset: a one-time link with which the person sets a new password (their
   * sessions end when they use it). Only for an account that is set up and enabled.
   */
  resetPassword(userId: string): Promise<{ staff: StaffRecord; setupLink: SetupLinkIssued }> {
    return this.issueLink(userId, 'RESET');
  }

  /** Lifts a lock-out after too many wrong passwords. */
  async unlock(userId: string): Promise<StaffRecord> {
    return this.change(userId, async (_manager, staff) => {
      await this.options.loginThrottle.unlock(staff.username);
      return { action: 'STAFF_UNLOCKED' } as const;
    });
  }

  /** Whether the person is locked out now (too many wrong passwords). */
  isLocked(staff: StaffRecord): Promise<boolean> {
    return this.options.loginThrottle.isLocked(staff.username);
  }

  private async issueLink(
    userId: string,
    purpose: SetupLinkPurpose,
  ): Promise<{ staff: StaffRecord; setupLink: SetupLinkIssued }> {
    let setupLink: SetupLinkIssued | undefined;
    const staff = await this.change(userId, async (manager, member) => {
      const wanted = purpose === 'SETUP' ? 'INVITED' : 'ACTIVE';
      if (member.status !== wanted) {
        throw new ConflictError(
          purpose === 'SETUP'
            ? `This account is ${member.status}: it needs no setup link`
            : `This account is ${member.status}: only an active account's password can be reset`,
        );
      }
      await this.setupLinks.expireUnused(manager, member.tenantId, userId);
      setupLink = await this.setupLinks.issue(manager, {
        tenantId: member.tenantId,
        userId,
        createdBy: this.context.actor.userId,
        purpose,
      });
      return {
        action: purpose === 'SETUP' ? 'STAFF_SETUP_LINK_ISSUED' : 'STAFF_PASSWORD_RESET_ISSUED',
      } as const;
    });
    return { staff, setupLink: setupLink! };
  }

  /** Whether the actor may change this person's roles and account. */
  mayManage(staff: StaffRecord): boolean {
    const actor = this.context.actor;
    return mayManageMember(abilityFor(actor), actor, staff);
  }

  /** A staff member in the actor's sight (their home tenant's membership), or NOT_FOUND. */
  private async load(manager: EntityManager, userId: string): Promise<StaffRecord> {
    const staff = await this.staff.find(manager, userId);
    if (!staff) throw new NotFoundError('Staff member not found');
    return staff;
  }

  private change(
    userId: string,
    apply: (
      manager: EntityManager,
      staff: StaffRecord,
      tenant: TenantRecord,
    ) => Promise<{
      action:
        | 'STAFF_ROLES_CHANGED'
        | 'STAFF_DISABLED'
        | 'STAFF_ENABLED'
        | 'STAFF_SETUP_LINK_ISSUED'
        | 'STAFF_PASSWORD_RESET_ISSUED'
        | 'STAFF_UNLOCKED';
      details?: object;
    }>,
  ): Promise<StaffRecord> {
    const actor = this.context.actor;
    return this.scope.run(async (manager) => {
      const staff = await this.load(manager, userId);
      const tenant = await this.directory.require(manager, staff.tenantId);
      this.directory.assertMayOwn('update', 'Staff', tenant);
      if (userId === actor.userId)
        throw new ForbiddenError('You cannot change your own account here');
      // Nobody manages a person holding a role they could not have given.
      if (!staff.roles.every((role) => mayGrant(actor.roles, role))) {
        throw new ForbiddenError('This person holds a role above what you may manage');
      }
      await this.users.lock(manager, userId);
      const event = await apply(manager, staff, tenant);
      await this.audit.record(manager, {
        tenantId: staff.tenantId,
        actorId: actor.userId,
        subjectId: userId,
        ...event,
      });
      return this.load(manager, userId);
    });
  }

  /** Roles are a non-empty set, each the actor's to give and held where it makes sense. */
  assertGrantable(roles: Role[], tenant: Pick<TenantRecord, 'kind'>): void {
    const problem = roleSetProblem(roles);
    if (problem) throw new BadUserInputError(problem);
    const actor = this.context.actor;
    const above = roles.filter((role) => !mayGrant(actor.roles, role));
    if (above.length) throw new ForbiddenError(`You may not give the role(s) ${above.join(', ')}`);
    const misplaced = roles.filter((role) => !ROLE_TENANT_KINDS[role].includes(tenant.kind));
    if (misplaced.length) {
      throw new BadUserInputError(
        `${misplaced.join(', ')} cannot be held in a ${tenant.kind.toLowerCase()}`,
      );
    }
  }
}
