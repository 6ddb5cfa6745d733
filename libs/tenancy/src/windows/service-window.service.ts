import { Injectable } from '@nestjs/common';
import {
  abilityFor,
  AuditRepository,
  BadUserInputError,
  ConflictError,
  NotFoundError,
  RequestContext,
  RequestLoaders,
  subject,
  TenantScope,
} from '@tongban/core';
import { EntityManager } from 'typeorm';
import { TenantDirectory } from '../tenant/tenant-directory.service';
import { TenantReadiness } from '../tenant/tenant-readiness';
import { intakeRefusal, IntakeRefusal, ServiceWindowKind } from './service-window-kind';
import { ServiceWindowRecord, ServiceWindowRepository } from './service-window.repository';
import { cameraLinkOf } from './camera-link';

/** The windows (窗口) of a hall and who works them. */
@Injectable()
export class ServiceWindowService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly directory: TenantDirectory,
    private readonly loaders: RequestLoaders,
    private readonly windows: ServiceWindowRepository,
    private readonly audit: AuditRepository,
    private readonly readiness: TenantReadiness,
  ) {}

  /** A tenant's windows; batched per request (many tenants' windows in one query). */
  list(tenantId: string): Promise<ServiceWindowRecord[]> {
    return this.loaders.load('serviceWindows', (ids) => this.listEach(ids), tenantId);
  }

  private listEach(tenantIds: readonly string[]): Promise<(ServiceWindowRecord[] | Error)[]> {
    return this.directory.readOwnedEach(tenantIds, 'ServiceWindow', (manager, ids) =>
      this.windows.listOf(manager, ids),
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
      // The hall's row first: the readiness check below updates it, and locks taken in this
      // order cannot deadlock with a concurrent creation (issue 8).
      const tenant = await this.directory.require(manager, input.tenantId, 'read', true);
      this.directory.assertMayOwn('create', 'ServiceWindow', tenant);
      if (!input.code.trim() || !input.name.trim())
        throw new BadUserInputError('A window needs a code and a name');
      const id = await this.windows.insert(manager, {
        tenantId: tenant.id,
        code: input.code.trim(),
        name: input.name.trim(),
        kind: input.kind,
      });
      if (!id) throw new ConflictError(`Window ${input.code} already exists in this hall`);
      await this.audit.record(manager, {
        tenantId: tenant.id,
        actorId: actor.userId,
        action: 'WINDOW_CREATED',
        subjectId: id,
      });
      await this.readiness.reevaluate(manager, tenant.id, actor.userId);
      return this.load(manager, id);
    });
  }

  assign(windowId: string, userId: string): Promise<ServiceWindowRecord> {
    return this.changeAssignment(windowId, userId, 'STAFF_ASSIGNED_TO_WINDOW', (manager, window) =>
      this.windows.assign(manager, window, userId),
    );
  }

  unassign(windowId: string, userId: string): Promise<ServiceWindowRecord> {
    return this.changeAssignment(
      windowId,
      userId,
      'STAFF_UNASSIGNED_FROM_WINDOW',
      (manager, window) => this.windows.unassign(manager, window, userId),
    );
  }

  /** Why the actor may not take applications in at this window now; null when they may. */
  intakeRefusal(window: ServiceWindowRecord): IntakeRefusal | null {
    const record = subject('Application', {
      tenantId: window.tenantId,
      tenantPath: window.tenantPath,
      windowStaffIds: window.staffIds,
    });
    return intakeRefusal({
      kind: window.kind,
      disabled: window.disabled,
      hallActive: window.tenantStatus === 'ACTIVE',
      mayCreateHere: abilityFor(this.context.actor).can('create', record),
    });
  }

  rename(windowId: string, name: string): Promise<ServiceWindowRecord> {
    return this.change(windowId, 'WINDOW_RENAMED', async (manager, window) => {
      if (!name.trim()) throw new BadUserInputError('A window needs a name');
      await this.windows.rename(manager, window, name.trim());
      return { from: window.name, to: name.trim() };
    });
  }

  /** 视频监控: the window's camera link (null clears it); never one with credentials. */
  setCamera(windowId: string, cameraUrl: string | null): Promise<ServiceWindowRecord> {
    const checked = cameraLinkOf(cameraUrl);
    if ('problem' in checked) {
      throw new BadUserInputError('Not a camera link Tongban keeps', {
        problems: [{ field: 'cameraUrl', code: checked.problem, problem: 'Not a camera link' }],
      });
    }
    return this.change(windowId, 'WINDOW_CAMERA_SET', async (manager, window) => {
      await this.windows.setCamera(manager, window, checked.link);
      return { set: checked.link !== null };
    });
  }

  setDisabled(windowId: string, disabled: boolean): Promise<ServiceWindowRecord> {
    return this.change(
      windowId,
      disabled ? 'WINDOW_DISABLED' : 'WINDOW_ENABLED',
      async (manager, window) => {
        if (window.disabled === disabled) {
          throw new ConflictError(`This window is already ${disabled ? 'disabled' : 'enabled'}`);
        }
        await this.windows.setDisabled(manager, window, disabled);
        return {};
      },
    );
  }

  /** Deletes a window no application references (otherwise: disable it). */
  async delete(windowId: string): Promise<boolean> {
    await this.change(windowId, 'WINDOW_DELETED', async (manager, window) => {
      if (!(await this.windows.delete(manager, window))) {
        throw new ConflictError('Applications were taken in at this window: disable it instead');
      }
      return { code: window.code, name: window.name };
    });
    return true;
  }

  /** A change of one window by someone who may update the hall's windows, audited. */
  private change(
    windowId: string,
    action:
      | 'WINDOW_RENAMED'
      | 'WINDOW_CAMERA_SET'
      | 'WINDOW_DISABLED'
      | 'WINDOW_ENABLED'
      | 'WINDOW_DELETED',
    apply: (manager: EntityManager, window: ServiceWindowRecord) => Promise<object>,
  ): Promise<ServiceWindowRecord> {
    const actor = this.context.actor;
    return this.scope.run(async (manager) => {
      const window = await this.load(manager, windowId);
      const tenant = await this.directory.require(manager, window.tenantId, 'read', true);
      this.directory.assertMayOwn('update', 'ServiceWindow', tenant);
      const details = await apply(manager, window);
      await this.audit.record(manager, {
        tenantId: window.tenantId,
        actorId: actor.userId,
        action,
        subjectId: window.id,
        details,
      });
      return action === 'WINDOW_DELETED' ? window : this.load(manager, windowId);
    });
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
      if (!(await this.windows.isMember(manager, window.tenantId, userId))) {
        throw new NotFoundError('Staff member not found in this hall');
      }
      await apply(manager, window);
      await this.audit.record(manager, {
        tenantId: window.tenantId,
        actorId: actor.userId,
        action,
        subjectId: userId,
        details: { windowId },
      });
      return this.load(manager, windowId);
    });
  }

  /** A window in the actor's scope (row-level security hides the others), or NOT_FOUND. */
  private async load(manager: EntityManager, windowId: string): Promise<ServiceWindowRecord> {
    const window = await this.windows.find(manager, windowId);
    if (!window) throw new NotFoundError('Window not found');
    return window;
  }
}
