import { Injectable } from '@nestjs/common';
import {
  abilityFor,
  accessibleWhere,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  isUuid,
  NotFoundError,
  Page,
  pageOf,
  RequestContext,
  subject,
  TenantScope,
} from '@tongban/core';
import { ServiceWindowPort, TenantDirectory, UserDirectory } from '@tongban/tenancy';
import { EntityManager } from 'typeorm';
import { Clock } from '@tongban/core';
import { DeadlineSweep, type SweepResult } from './deadline-sweep';
import { type WarningCursor, type WarningRecord, WarningRepository } from './warning.repository';
import type { WarningLevel } from './warning-level';

export interface WarningView extends WarningRecord {
  tenantName: string;
  windowName: string;
  /** 视频监控: the window's camera link, beside its cases. */
  cameraUrl: string | null;
  closedByName: string | null;
  /** The reader may close it (a supervisor of its center or above). */
  mayClose: boolean;
}

export interface BoardCount {
  tenantId: string;
  tenantName: string;
  windowId: string;
  windowName: string;
  level: WarningLevel;
  open: number;
}

/**
 * The supervisor's console (电子监察): warnings as the reader may see them, by tenant and
 * window, with the cases behind each; a supervisor closes a card with a note, and may sweep
 * now instead of waiting for the next scheduled sweep.
 */
@Injectable()
export class WarningService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly warnings: WarningRepository,
    private readonly tenants: TenantDirectory,
    private readonly windows: ServiceWindowPort,
    private readonly users: UserDirectory,
    private readonly sweep: DeadlineSweep,
    private readonly clock: Clock,
  ) {}

  list(
    filter: {
      status?: 'OPEN' | 'CLOSED' | null;
      level?: WarningLevel | null;
      tenantId?: string | null;
    },
    first: number,
    after: string | null,
  ): Promise<Page<WarningView>> {
    const cursor = after === null ? null : decodeCursor(after);
    return this.scope.run(async (manager) => {
      const { conditions, params } = await this.visible(manager, filter);
      const rows = await this.warnings.list(manager, {
        conditions,
        params,
        after: cursor,
        limit: first + 1,
      });
      const page = pageOf(rows, first, (last) =>
        Buffer.from(`${last.raisedMicros}:${last.id}`).toString('base64url'),
      );
      return { ...page, nodes: await this.present(manager, page.nodes) };
    });
  }

  /** Open cards counted by center, window and level. */
  board(filter: { tenantId?: string | null }): Promise<BoardCount[]> {
    return this.scope.run(async (manager) => {
      const visible = await this.visible(manager, filter);
      const counts = await this.warnings.counts(manager, visible);
      const tenants = await this.tenants.chainNames(
        manager,
        counts.map((c) => c.tenantId),
      );
      const windows = await this.windows.findEach(
        manager,
        counts.map((c) => c.windowId),
      );
      return counts.map((count) => ({
        ...count,
        tenantName: tenants.get(count.tenantId) ?? '',
        windowName: windows.get(count.windowId)?.name ?? '',
      }));
    });
  }

  /** 电子监察: a supervisor closes a card, saying what was done. */
  close(id: string, note: string): Promise<WarningView> {
    const text = note.trim();
    if (!text) {
      throw new BadUserInputError('Say what was done', {
        problems: [{ field: 'note', code: 'NOTE_REQUIRED', problem: 'Say what was done' }],
      });
    }
    return this.scope.run(async (manager) => {
      const warning = await this.warnings.lock(manager, id);
      const [view] = warning ? await this.present(manager, [warning]) : [];
      if (!warning || !view) throw new NotFoundError('Warning not found');
      if (!view.mayClose) throw new ForbiddenError('A supervisor closes cards');
      if (warning.status === 'CLOSED') {
        throw new ConflictError('This card is closed already', { reason: 'WARNING_CLOSED' });
      }
      await this.warnings.close(manager, warning, {
        note: text,
        by: this.context.actor.userId,
        at: this.clock.now(),
      });
      const [closed] = await this.present(manager, [(await this.warnings.find(manager, id))!]);
      return closed;
    });
  }

  /** The warnings of one application the reader has been shown. */
  ofApplication(application: { tenantId: string; id: string }): Promise<WarningView[]> {
    return this.scope.run(async (manager) => {
      const rows = await this.warnings.list(manager, {
        conditions: ['w.tenant_id = $1', 'w.application_id = $2'],
        params: [application.tenantId, application.id],
        after: null,
        limit: 10,
      });
      return this.present(manager, rows);
    });
  }

  sweepNow(): Promise<SweepResult> {
    return this.sweep.sweepMine();
  }

  /** The role rules on warnings as SQL over `w`, with the reader's filters. */
  private async visible(
    manager: EntityManager,
    filter: { status?: string | null; level?: string | null; tenantId?: string | null },
  ): Promise<{ conditions: string[]; params: unknown[] }> {
    const ability = abilityFor(this.context.actor);
    const params: unknown[] = [];
    const conditions: string[] = [];
    if (filter.tenantId) {
      await this.tenants.require(manager, filter.tenantId);
      params.push(filter.tenantId);
      conditions.push(this.tenants.subtreeCondition('w.tenant_id', `$${params.length}`));
    }
    if (filter.status) {
      params.push(filter.status);
      conditions.push(`w.status = $${params.length}`);
    }
    if (filter.level) {
      params.push(filter.level);
      conditions.push(`w.level = $${params.length}`);
    }
    const myWindows = await this.windows.assignedTo(manager, this.context.actor.userId);
    const allowed = accessibleWhere(
      ability,
      'read',
      'Warning',
      {
        tenantId: (p) => `w.tenant_id = ${p}::uuid`,
        tenantPath: (p) => this.tenants.subtreeCondition('w.tenant_id', p),
        windowStaffIds: { sql: (p) => `w.window_id = ANY(${p}::uuid[])`, param: () => myWindows },
      },
      params.length + 1,
    );
    if (!allowed) throw new ForbiddenError('Your role may not read warnings');
    return { conditions: [...conditions, allowed.sql], params: [...params, ...allowed.params] };
  }

  private async present(manager: EntityManager, rows: WarningRecord[]): Promise<WarningView[]> {
    if (rows.length === 0) return [];
    const ability = abilityFor(this.context.actor);
    const tenantIds = [...new Set(rows.map((row) => row.tenantId))];
    const tenants = new Map(
      (await this.tenants.requireEach(manager, tenantIds)).flatMap((tenant, i) =>
        tenant instanceof Error ? [] : [[tenantIds[i], tenant] as const],
      ),
    );
    const windows = await this.windows.findEach(
      manager,
      rows.map((row) => row.windowId),
    );
    const names = await this.users.displayNames(
      manager,
      rows.flatMap((row) => (row.closedBy ? [row.closedBy] : [])),
    );
    return rows.flatMap((row) => {
      const tenant = tenants.get(row.tenantId);
      const window = windows.get(row.windowId);
      if (!tenant || !window) return [];
      const record = subject('Warning', {
        id: row.id,
        tenantId: row.tenantId,
        tenantPath: tenant.path,
        windowStaffIds: window.staffIds,
      });
      if (!ability.can('read', record)) return [];
      return [
        {
          ...row,
          tenantName: tenant.name,
          windowName: window.name,
          cameraUrl: window.cameraUrl,
          closedByName: row.closedBy ? (names.get(row.closedBy) ?? '') : null,
          mayClose: ability.can('update', record),
        },
      ];
    });
  }
}

function decodeCursor(cursor: string): WarningCursor {
  const [micros, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (rest.length || !/^\d{1,17}$/.test(micros ?? '') || !isUuid(id)) {
    throw new BadUserInputError('This page cursor is not one the server gave out');
  }
  return { raisedMicros: micros, id };
}
