import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit-trail';
import { RequestContext } from '../context/request-context';
import { TenantScope } from '../context/tenant-scope';
import { RequestLoaders } from '../context/request-loaders';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors';
import { activateIfReady } from './onboarding.service';
import { ServiceWindowKind, takesInApplications } from './service-window.entity';
import { abilityFor, subject } from '../authorization/ability';
import { TenantDirectory } from './tenant-directory.service';

export interface ServiceWindowRecord {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  kind: ServiceWindowKind;
  staffIds: string[];
  tenantPath: string[];
  tenantStatus: string;
}

const WINDOW_QUERY = `
  SELECT w.id, w.tenant_id AS "tenantId", w.code, w.name, w.kind,
         coalesce((SELECT array_agg(a.user_id ORDER BY a.user_id) FROM window_assignments a
                    WHERE a.tenant_id = w.tenant_id AND a.window_id = w.id), '{}') AS "staffIds",
         t.path AS "tenantPath", t.status AS "tenantStatus"
    FROM service_windows w JOIN tenants t ON t.id = w.tenant_id`;

/** The windows (窗口) of a hall and who works them. */
@Injectable()
export class ServiceWindowService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly directory: TenantDirectory,
    private readonly loaders: RequestLoaders,
  ) {}

  /** A tenant's windows; batched per request (many tenants' windows in one query). */
  list(tenantId: string): Promise<ServiceWindowRecord[]> {
    return this.loaders.load('serviceWindows', (ids) => this.listEach(ids), tenantId);
  }

  private listEach(tenantIds: readonly string[]): Promise<(ServiceWindowRecord[] | Error)[]> {
    return this.directory.readOwnedEach(tenantIds, 'ServiceWindow', (manager, ids) =>
      manager.query(`${WINDOW_QUERY} WHERE w.tenant_id = ANY($1::uuid[]) ORDER BY w.code`, [ids]),
    );
  }

  create(input: {
    tenantId: string;
    code: string;
    name: string;
    kind: ServiceWindowKind;
  }): Promise<ServiceWindowRecord> {
    const actor = this.context.actor;
    return this.scope.run(async (manager) => {
      const tenant = await this.directory.require(manager, input.tenantId);
      this.directory.assertMayOwn('create', 'ServiceWindow', tenant);
      if (!input.code.trim() || !input.name.trim())
        throw new BadUserInputError('A window needs a code and a name');
      const [created] = await manager.query(
        `INSERT INTO service_windows (tenant_id, code, name, kind) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`,
        [tenant.id, input.code.trim(), input.name.trim(), input.kind],
      );
      if (!created) throw new ConflictError(`Window ${input.code} already exists in this hall`);
      await recordAudit(manager, {
        tenantId: tenant.id,
        actorId: actor.userId,
        action: 'WINDOW_CREATED',
        subjectId: created.id,
      });
      await activateIfReady(manager, tenant.id, actor.userId);
      return this.load(manager, created.id);
    });
  }

  assign(windowId: string, userId: string): Promise<ServiceWindowRecord> {
    return this.changeAssignment(windowId, userId, 'STAFF_ASSIGNED_TO_WINDOW', (manager, window) =>
      manager.query(
        `INSERT INTO window_assignments (tenant_id, window_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [window.tenantId, window.id, userId],
      ),
    );
  }

  unassign(windowId: string, userId: string): Promise<ServiceWindowRecord> {
    return this.changeAssignment(
      windowId,
      userId,
      'STAFF_UNASSIGNED_FROM_WINDOW',
      (manager, window) =>
        manager.query(
          `DELETE FROM window_assignments WHERE tenant_id = $1 AND window_id = $2 AND user_id = $3`,
          [window.tenantId, window.id, userId],
        ),
    );
  }

  private changeAssignment(
    windowId: string,
    userId: string,
    action: 'STAFF_ASSIGNED_TO_WINDOW' | 'STAFF_UNASSIGNED_FROM_WINDOW',
    apply: (manager: EntityManager, window: ServiceWindowRecord) => Promise<unknown>,
  ): Promise<ServiceWindowRecord> {
    const actor = this.context.actor;
    return this.scope.run(async (manager) => {
      const window = await this.load(manager, windowId);
      const tenant = await this.directory.require(manager, window.tenantId);
      this.directory.assertMayOwn('update', 'ServiceWindow', tenant);
      const [member] = await manager.query(
        `SELECT 1 FROM memberships WHERE tenant_id = $1 AND user_id = $2`,
        [window.tenantId, userId],
      );
      if (!member) throw new NotFoundError('Staff member not found in this hall');
      await apply(manager, window);
      await recordAudit(manager, {
        tenantId: window.tenantId,
        actorId: actor.userId,
        action,
        subjectId: userId,
        details: { windowId },
      });
      return this.load(manager, windowId);
    });
  }

  /** Whether the actor may take applications in at this window now. */
  mayTakeIn(window: ServiceWindowRecord): boolean {
    const record = subject('Application', {
      tenantId: window.tenantId,
      tenantPath: window.tenantPath,
      windowStaffIds: window.staffIds,
    });
    return (
      takesInApplications(window.kind) &&
      window.tenantStatus === 'ACTIVE' &&
      abilityFor(this.context.actor).can('create', record)
    );
  }

  /** A window in the actor's scope (row-level security hides the others), or NOT_FOUND. */
  private async load(manager: EntityManager, windowId: string): Promise<ServiceWindowRecord> {
    const [window] = await manager.query(`${WINDOW_QUERY} WHERE w.id = $1`, [windowId]);
    if (!window) throw new NotFoundError('Window not found');
    return window;
  }
}
