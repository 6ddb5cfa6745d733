import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit-trail';
import { JobQueue } from '../jobs/job-queue';
import { RevokeTenantSessionsProcessor } from './revoke-tenant-sessions.processor';
import { RequestContext } from '../context/request-context';
import { TenantScope } from '../context/tenant-scope';
import { BadUserInputError, ConflictError } from '../errors';
import { IdentityService, AuthTokens } from '../identity/identity.service';
import { hashPassword } from '../identity/password-hasher';
import { parseSetupToken, setupSecretMatches } from '../identity/setup-link';
import { Role } from '../identity/role';
import { createInvitedStaff, SetupLinkIssued, usernameProblems } from '../staff/staff-records';
import { divisionCodeProblems } from './division-code';
import { firstManagerRole, statusAfterChecklist } from './onboarding-checklist';
import { ServiceWindowKind } from './service-window.entity';
import { checklistOf, TenantDirectory, TenantRecord } from './tenant-directory.service';
import { TenantKind, TenantStatus } from './tenant-kind';

export interface OnboardingRequest {
  parentId: string;
  kind: TenantKind;
  divisionCode: string;
  name: string;
  windows: { code: string; name: string; kind: ServiceWindowKind }[];
  manager: { username: string; displayName: string };
}

export interface OnboardingPlan {
  parent: TenantRecord;
  request: OnboardingRequest;
  managerRole: Role;
  problems: string[];
}

/**
 * Opening a township center or village station under a county (DESIGN.md §1): the preview,
 * the onboarding itself, the first manager's setup link, and suspension.
 */
@Injectable()
export class OnboardingService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly directory: TenantDirectory,
    private readonly identity: IdentityService,
    private readonly jobs: JobQueue,
  ) {}

  /** Everything onboarding would do and every problem it would hit, without writing. */
  preview(request: OnboardingRequest): Promise<OnboardingPlan> {
    return this.scope.run((manager) => this.plan(manager, request));
  }

  async onboard(
    request: OnboardingRequest,
  ): Promise<{ tenant: TenantRecord; setupLink: SetupLinkIssued }> {
    const actor = this.context.actor;
    return this.scope.run(async (manager) => {
      const plan = await this.plan(manager, request);
      if (plan.problems.length > 0) {
        throw new BadUserInputError(`Onboarding refused: ${plan.problems.join('; ')}`, {
          problems: plan.problems,
        });
      }
      const id = randomUUID();
      const [tenant]: TenantRecord[] = await manager.query(
        `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
         VALUES ($1, $2, $3, $4, $5, 'ONBOARDING', $6)
         ON CONFLICT (division_code) DO NOTHING
         RETURNING id, parent_id AS "parentId", kind, division_code AS "divisionCode", name, status, path`,
        [
          id,
          plan.parent.id,
          request.kind,
          request.divisionCode,
          request.name.trim(),
          [...plan.parent.path, id],
        ],
      );
      if (!tenant)
        throw new ConflictError(`Division code ${request.divisionCode} is already taken`);
      for (const window of request.windows) {
        await manager.query(
          `INSERT INTO service_windows (tenant_id, code, name, kind) VALUES ($1, $2, $3, $4)`,
          [id, window.code.trim(), window.name.trim(), window.kind],
        );
      }
      const setupLink = await createInvitedStaff(manager, {
        tenantId: id,
        username: request.manager.username,
        displayName: request.manager.displayName,
        roles: [plan.managerRole],
        invitedBy: actor.userId,
      });
      await recordAudit(manager, {
        tenantId: id,
        actorId: actor.userId,
        action: 'TENANT_ONBOARDED',
        subjectId: id,
        details: {
          parentId: plan.parent.id,
          divisionCode: request.divisionCode,
          windows: request.windows.length,
        },
      });
      return { tenant, setupLink };
    });
  }

  async suspend(tenantId: string, reason: string): Promise<TenantRecord> {
    const suspended = await this.changeStatus(
      tenantId,
      'suspend',
      [TenantStatus.ACTIVE, TenantStatus.ONBOARDING],
      TenantStatus.SUSPENDED,
      { action: 'TENANT_SUSPENDED', reason },
    );
    // After the commit, so the job sees the suspension.
    await this.jobs.enqueue(RevokeTenantSessionsProcessor.jobName, {
      tenantId,
      actorId: this.context.actor.userId,
    });
    return suspended;
  }

  async reactivate(tenantId: string): Promise<TenantRecord> {
    return this.scope.run(async (manager) => {
      const tenant = await this.directory.require(manager, tenantId, 'suspend', true);
      if (tenant.status !== TenantStatus.SUSPENDED) {
        throw new ConflictError(`Tenant is ${tenant.status}, not SUSPENDED`);
      }
      // Back to ACTIVE only if it had finished onboarding; otherwise it resumes onboarding.
      const next = (await checklistOf(manager, tenantId)).complete
        ? TenantStatus.ACTIVE
        : TenantStatus.ONBOARDING;
      return this.changeStatus(tenantId, 'suspend', [TenantStatus.SUSPENDED], next, {
        action: 'TENANT_REACTIVATED',
      });
    });
  }

  /**
   * Public: the invited person sets their password with the one-time link, is logged in, and
   * the tenant's checklist is re-evaluated.
   */
  async completeSetup(token: string, password: string, clientAddress: string): Promise<AuthTokens> {
    const parsed = parseSetupToken(token);
    if (!parsed) throw new BadUserInputError('This setup link is not valid');
    if (password.length < 10)
      throw new BadUserInputError('The password needs at least 10 characters');
    const passwordHash = await hashPassword(password);
    const userId = await this.scope.runIn(
      { tenantId: parsed.tenantId, visibility: 'tenant', actorId: null },
      async (manager) => {
        const [link] = await manager.query(
          `SELECT l.user_id, l.token_hash, l.used_at, l.expires_at < now() AS expired, u.status
           FROM setup_links l JOIN users u ON u.id = l.user_id
          WHERE l.tenant_id = $1 AND l.id = $2 FOR UPDATE OF l`,
          [parsed.tenantId, parsed.id],
        );
        if (!link || !setupSecretMatches(parsed.secret, link.token_hash)) {
          throw new BadUserInputError('This setup link is not valid');
        }
        if (link.used_at) throw new BadUserInputError('This setup link has already been used');
        if (link.expired)
          throw new BadUserInputError('This setup link has expired; ask for a new one');
        if (link.status !== 'INVITED')
          throw new BadUserInputError('This account is already set up');
        await manager.query(
          `UPDATE setup_links SET used_at = now() WHERE tenant_id = $1 AND id = $2`,
          [parsed.tenantId, parsed.id],
        );
        await manager.query(
          `UPDATE users SET password_hash = $2, status = 'ACTIVE' WHERE id = $1`,
          [link.user_id, passwordHash],
        );
        await recordAudit(manager, {
          tenantId: parsed.tenantId,
          actorId: link.user_id,
          action: 'STAFF_SETUP_COMPLETED',
          subjectId: link.user_id,
        });
        await activateIfReady(manager, parsed.tenantId, link.user_id);
        return link.user_id as string;
      },
    );
    return this.identity.startSession(userId, clientAddress);
  }

  private async changeStatus(
    tenantId: string,
    action: 'suspend',
    from: TenantStatus[],
    to: TenantStatus,
    audit: { action: 'TENANT_SUSPENDED' | 'TENANT_REACTIVATED'; reason?: string },
  ): Promise<TenantRecord> {
    const actor = this.context.actor;
    return this.scope.run(async (manager) => {
      const tenant = await this.directory.require(manager, tenantId, action, true);
      if (!from.includes(tenant.status))
        throw new ConflictError(`Tenant is already ${tenant.status}`);
      await manager.query(`UPDATE tenants SET status = $2, updated_at = now() WHERE id = $1`, [
        tenantId,
        to,
      ]);
      await recordAudit(manager, {
        tenantId,
        actorId: actor.userId,
        action: audit.action,
        subjectId: tenantId,
        details: { from: tenant.status, to, reason: audit.reason },
      });
      return { ...tenant, status: to };
    });
  }

  private async plan(manager: EntityManager, request: OnboardingRequest): Promise<OnboardingPlan> {
    const parent = await this.directory.require(manager, request.parentId, 'onboard');
    const problems = [...divisionCodeProblems(request.divisionCode, request.kind, parent)];
    if (!request.name.trim()) problems.push('The name must not be empty');
    const [taken] = await manager.query(`SELECT name FROM tenants WHERE division_code = $1`, [
      request.divisionCode,
    ]);
    if (taken)
      problems.push(`Division code ${request.divisionCode} is already used by ${taken.name}`);
    const codes = request.windows.map((w) => w.code.trim());
    if (new Set(codes).size !== codes.length) problems.push('Window codes must be unique');
    if (request.windows.some((w) => !w.code.trim() || !w.name.trim()))
      problems.push('Every window needs a code and a name');
    problems.push(...(await usernameProblems(manager, request.manager.username)));
    return { parent, request, managerRole: firstManagerRole(request.kind), problems };
  }
}

/** Moves an ONBOARDING tenant to ACTIVE once its checklist is complete. */
export async function activateIfReady(
  manager: EntityManager,
  tenantId: string,
  actorId: string | null,
): Promise<void> {
  const [tenant] = await manager.query(`SELECT status FROM tenants WHERE id = $1 FOR UPDATE`, [
    tenantId,
  ]);
  const next = statusAfterChecklist(tenant.status, await checklistOf(manager, tenantId));
  if (next === tenant.status) return;
  await manager.query(`UPDATE tenants SET status = $2, updated_at = now() WHERE id = $1`, [
    tenantId,
    next,
  ]);
  await recordAudit(manager, {
    tenantId,
    actorId,
    action: 'TENANT_ACTIVATED',
    subjectId: tenantId,
  });
}
