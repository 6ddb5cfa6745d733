import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit-trail';
import { canGrant, ROLE_TENANT_KINDS } from '../authorization/role-rules';
import { RequestContext } from '../context/request-context';
import { TenantScope } from '../context/tenant-scope';
import { RequestLoaders } from '../context/request-loaders';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { Role } from '../identity/role';
import { abilityFor } from '../authorization/ability';
import { mayManageMember } from '../authorization/capabilities';
import { TenantDirectory, TenantRecord } from '../tenant/tenant-directory.service';
import { createInvitedStaff, SetupLinkIssued, usernameProblems } from './staff-records';

export interface StaffRecord {
  userId: string;
  tenantId: string;
  username: string;
  displayName: string;
  status: 'INVITED' | 'ACTIVE' | 'DISABLED';
  roles: Role[];
  windowIds: string[];
  tenantPath: string[];
}

const STAFF_QUERY = `
  SELECT u.id AS "userId", m.tenant_id AS "tenantId", u.username, u.display_name AS "displayName",
         u.status, m.roles, t.path AS "tenantPath",
         coalesce((SELECT array_agg(a.window_id ORDER BY a.window_id) FROM window_assignments a
                    WHERE a.tenant_id = m.tenant_id AND a.user_id = u.id), '{}') AS "windowIds"
    FROM memberships m JOIN users u ON u.id = m.user_id JOIN tenants t ON t.id = m.tenant_id`;

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
  ) {}

  /** A tenant's staff; batched per request (many tenants' staff in one query). */
  list(tenantId: string): Promise<StaffRecord[]> {
    return this.loaders.load('staffMembers', (ids) => this.listEach(ids), tenantId);
  }

  private listEach(tenantIds: readonly string[]): Promise<(StaffRecord[] | Error)[]> {
    return this.directory.readOwnedEach(tenantIds, 'Staff', (manager, ids) =>
      manager.query(`${STAFF_QUERY} WHERE m.tenant_id = ANY($1::uuid[]) ORDER BY u.username`, [
        ids,
      ]),
    );
  }

  async invite(input: {
    tenantId: string;
    username: string;
    displayName: string;
    roles: Role[];
  }): Promise<{ staff: StaffRecord; setupLink: SetupLinkIssued }> {
    const actor = this.context.actor;
    return this.scope.run(async (manager) => {
      const tenant = await this.directory.require(manager, input.tenantId);
      this.directory.assertMayOwn('create', 'Staff', tenant);
      this.assertGrantable(input.roles, tenant);
      const problems = await usernameProblems(manager, input.username);
      if (problems.length) throw new ConflictError(problems.join('; '));
      const link = await createInvitedStaff(manager, { ...input, invitedBy: actor.userId });
      const { userId, ...setupLink } = link;
      return { staff: await this.load(manager, userId), setupLink };
    });
  }

  setRoles(userId: string, roles: Role[]): Promise<StaffRecord> {
    return this.change(userId, async (manager, staff, tenant) => {
      this.assertGrantable(roles, tenant);
      await manager.query(
        `UPDATE memberships SET roles = $3 WHERE tenant_id = $1 AND user_id = $2`,
        [staff.tenantId, userId, roles],
      );
      return { action: 'STAFF_ROLES_CHANGED', details: { from: staff.roles, to: roles } } as const;
    });
  }

  disable(userId: string): Promise<StaffRecord> {
    return this.change(userId, async (manager, staff) => {
      if (staff.status === 'DISABLED') throw new ConflictError('This account is already disabled');
      await manager.query(`UPDATE users SET status = 'DISABLED' WHERE id = $1`, [userId]);
      // Their access ends now, not when the current access token expires.
      await manager.query(
        `UPDATE sessions SET revoked_at = now(), revoked_reason = 'USER_DISABLED' WHERE user_id = $1 AND revoked_at IS NULL`,
        [userId],
      );
      return { action: 'STAFF_DISABLED' } as const;
    });
  }

  enable(userId: string): Promise<StaffRecord> {
    return this.change(userId, async (manager, staff) => {
      if (staff.status !== 'DISABLED')
        throw new ConflictError(`This account is ${staff.status}, not DISABLED`);
      await manager.query(
        `UPDATE users SET status = CASE WHEN password_hash IS NULL THEN 'INVITED' ELSE 'ACTIVE' END WHERE id = $1`,
        [userId],
      );
      return { action: 'STAFF_ENABLED' } as const;
    });
  }

  /** Whether the actor may change this person's roles and account. */
  mayManage(staff: StaffRecord): boolean {
    const actor = this.context.actor;
    return mayManageMember(abilityFor(actor), actor, staff);
  }

  /** A staff member in the actor's sight (their home tenant's membership), or NOT_FOUND. */
  async load(manager: EntityManager, userId: string): Promise<StaffRecord> {
    const [staff]: StaffRecord[] = await manager.query(
      `${STAFF_QUERY} WHERE m.user_id = $1 AND m.tenant_id = u.home_tenant_id`,
      [userId],
    );
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
      action: 'STAFF_ROLES_CHANGED' | 'STAFF_DISABLED' | 'STAFF_ENABLED';
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
      if (!staff.roles.every((role) => canGrant(actor.roles, role))) {
        throw new ForbiddenError('This person holds a role above what you may manage');
      }
      await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      const event = await apply(manager, staff, tenant);
      await recordAudit(manager, {
        tenantId: staff.tenantId,
        actorId: actor.userId,
        subjectId: userId,
        ...event,
      });
      return this.load(manager, userId);
    });
  }

  private assertGrantable(roles: Role[], tenant: TenantRecord): void {
    if (roles.length === 0) throw new BadUserInputError('Give at least one role');
    const actor = this.context.actor;
    const above = roles.filter((role) => !canGrant(actor.roles, role));
    if (above.length) throw new ForbiddenError(`You may not give the role(s) ${above.join(', ')}`);
    const misplaced = roles.filter((role) => !ROLE_TENANT_KINDS[role].includes(tenant.kind));
    if (misplaced.length) {
      throw new BadUserInputError(
        `${misplaced.join(', ')} cannot be held in a ${tenant.kind.toLowerCase()}`,
      );
    }
  }
}
