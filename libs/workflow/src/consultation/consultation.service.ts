import { Injectable, Optional } from '@nestjs/common';
import {
  abilityFor,
  accessibleWhere,
  BadUserInputError,
  beijingDay,
  ConflictError,
  ForbiddenError,
  InsightFacts,
  isUuid,
  NotFoundError,
  type Page,
  pageOf,
  RequestContext,
  subject,
  TenantScope,
  type TongbanAbility,
} from '@tongban/core';
import { ServiceWindowPort, TenantDirectory, UserDirectory } from '@tongban/tenancy';
import { IntakeMenu, IntakeRefusal } from '@tongban/catalog';
import { EntityManager } from 'typeorm';
import { ConsultationChannel, normalizeConsultation } from './consultation-entry';
import {
  type ConsultationConditions,
  type ConsultationCursor,
  ConsultationRepository,
  type ConsultationRow,
} from './consultation.repository';
import { countingPeriod } from './counting-period';

/** A consultation as the reader may see it. */
export interface ConsultationView {
  id: string;
  tenantId: string;
  tenantName: string;
  windowId: string;
  windowName: string;
  itemCode: string | null;
  itemName: string | null;
  channel: ConsultationChannel;
  note: string | null;
  loggedByName: string;
  loggedAt: Date;
}

/** Consultations of a tenant's subtree over a period (DESIGN.md §4.5), as the reader may count. */
export interface ConsultationCountsView {
  tenantId: string;
  from: string;
  to: string;
  total: number;
  /** Questions about no one item. */
  general: number;
  /** Every channel, those with none at 0. */
  byChannel: { channel: ConsultationChannel; count: number }[];
  /** The items asked about most. */
  topItems: { itemCode: string; itemName: string; count: number }[];
}

/** A window where the reader may log consultations now. */
export interface ConsultationWindowView {
  id: string;
  tenantId: string;
  tenantName: string;
  code: string;
  name: string;
}

/** How many items the counts name. */
export const TOP_ITEMS = 10;

/**
 * 咨询: consultations logged at a window and counted (DESIGN.md §4.3, §4.5).
 *
 * No audit event for a log: the row is itself the record of who logged what, where and when
 * (logged_by, logged_at, window_id), nothing changes or deletes it (the application role has
 * neither UPDATE nor DELETE on the table), and an event per question would double the busiest
 * table of a hall for nothing a reviewer could not read from the row.
 */
@Injectable()
export class ConsultationService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly consultations: ConsultationRepository,
    private readonly tenants: TenantDirectory,
    private readonly windows: ServiceWindowPort,
    private readonly users: UserDirectory,
    private readonly menu: IntakeMenu,
    // Absent where no insights are wired (workflow's own service tests).
    @Optional() private readonly insights?: InsightFacts,
  ) {}

  /**
   * Logs a consultation at a window the actor works (the rule of intake: a window clerk at
   * their windows, station staff at their station, a manager anywhere in the center), about
   * an item of the center's menu or none.
   */
  log(input: {
    windowId: string;
    itemCode?: string | null;
    channel: string;
    note?: string | null;
  }): Promise<ConsultationView> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    const { entry, problems } = normalizeConsultation(input);
    if (problems.length) {
      throw new BadUserInputError(problems.map((p) => `${p.field}: ${p.problem}`).join('; '), {
        problems,
      });
    }
    return this.scope.run(async (manager) => {
      const window = await this.windows.find(manager, input.windowId);
      if (!window) throw new NotFoundError('Window not found');
      const owned = { tenantId: window.tenantId, tenantPath: window.tenantPath };
      if (!ability.can('read', subject('ServiceWindow', owned))) {
        throw new NotFoundError('Window not found');
      }
      const record = subject('Consultation', { ...owned, windowStaffIds: window.staffIds });
      if (!ability.can('create', record)) {
        throw new ForbiddenError('You may log consultations only at the windows you work');
      }
      if (window.disabled) throw new ConflictError('This window is disabled');
      if (window.tenantStatus !== 'ACTIVE') {
        throw new ConflictError(`This hall is ${window.tenantStatus}, not open`);
      }
      const hall = await this.tenants.require(manager, window.tenantId);
      let item: { code: string; name: string } | null = null;
      if (entry.itemCode !== null) {
        const found = await this.menu.itemFor(manager, hall, entry.itemCode);
        if (typeof found === 'string') throw menuError(found, entry.itemCode);
        item = { code: found.code, name: found.name };
      }
      const id = await this.consultations.insert(manager, {
        tenantId: hall.id,
        windowId: window.id,
        item,
        channel: entry.channel,
        note: entry.note,
        loggedBy: actor.userId,
      });
      const row = (await this.consultations.find(manager, id))!;
      await this.insights?.recordConsultation(manager, {
        tenantId: hall.id,
        itemCode: item?.code ?? null,
        on: beijingDay(row.loggedAt),
      });
      const [view] = await this.present(manager, ability, [row]);
      return view;
    });
  }

  /**
   * The windows of a tenant (the actor's own by default) where the actor may log a
   * consultation now: theirs to log at, enabled, in an open hall. Any kind of window answers
   * questions (首问负责制: whoever is asked first answers), complaint and charging ones too.
   */
  windowsFor(tenantId: string | null): Promise<ConsultationWindowView[]> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    return this.scope.run(async (manager) => {
      const hall = await this.tenants.require(manager, tenantId ?? actor.tenant.id);
      const windows = await this.windows.listOf(manager, [hall.id]);
      return windows
        .filter(
          (window) =>
            !window.disabled &&
            window.tenantStatus === 'ACTIVE' &&
            ability.can(
              'create',
              subject('Consultation', {
                tenantId: window.tenantId,
                tenantPath: window.tenantPath,
                windowStaffIds: window.staffIds,
              }),
            ),
        )
        .map((window) => ({
          id: window.id,
          tenantId: window.tenantId,
          tenantName: hall.name,
          code: window.code,
          name: window.name,
        }));
    });
  }

  /** Newest first, a page at a time; the role rules' conditions become the WHERE clause. */
  list(
    filter: {
      tenantId?: string | null;
      windowId?: string | null;
      from?: string | null;
      to?: string | null;
    },
    first: number,
    after: string | null,
  ): Promise<Page<ConsultationView>> {
    const ability = abilityFor(this.context.actor);
    const cursor = after === null ? null : decodeCursor(after);
    const period = periodOrThrow(filter.from, filter.to);
    return this.scope.run(async (manager) => {
      const where: ConsultationConditions = { conditions: [], params: [] };
      if (filter.tenantId) {
        await this.tenants.require(manager, filter.tenantId);
        where.params.push(filter.tenantId);
        where.conditions.push(
          this.tenants.subtreeCondition('c.tenant_id', `$${where.params.length}`),
        );
      }
      if (filter.windowId) {
        const window = await this.windows.find(manager, filter.windowId);
        const owned = window && { tenantId: window.tenantId, tenantPath: window.tenantPath };
        if (!owned || !ability.can('read', subject('ServiceWindow', owned))) {
          throw new NotFoundError('Window not found');
        }
        where.params.push(filter.windowId);
        where.conditions.push(`c.window_id = $${where.params.length}::uuid`);
      }
      addPeriod(where, period);
      const allowed = await this.readable(manager, ability, where);
      const rows = await this.consultations.list(manager, {
        ...allowed,
        after: cursor,
        limit: first + 1,
      });
      const page = pageOf(rows, first, (last) => encodeCursor(last.cursorMicros, last.id));
      return { ...page, nodes: await this.present(manager, ability, page.nodes) };
    });
  }

  /**
   * Totals by channel and the items asked about most, over a tenant's subtree and the Beijing
   * calendar days `from`–`to` (both included), of the consultations the reader may read.
   */
  counts(tenantId: string, from: string, to: string): Promise<ConsultationCountsView> {
    const ability = abilityFor(this.context.actor);
    const period = periodOrThrow(from, to);
    return this.scope.run(async (manager) => {
      await this.tenants.require(manager, tenantId);
      const where: ConsultationConditions = {
        conditions: [this.tenants.subtreeCondition('c.tenant_id', '$1')],
        params: [tenantId],
      };
      addPeriod(where, period);
      const allowed = await this.readable(manager, ability, where);
      const channels = await this.consultations.countByChannel(manager, allowed);
      const topItems = await this.consultations.topItems(manager, {
        ...allowed,
        limit: TOP_ITEMS,
      });
      const byChannel = Object.values(ConsultationChannel).map((channel) => ({
        channel,
        count: channels.find((row) => row.channel === channel)?.count ?? 0,
      }));
      return {
        tenantId,
        from,
        to,
        total: channels.reduce((sum, row) => sum + row.count, 0),
        general: channels.reduce((sum, row) => sum + row.general, 0),
        byChannel,
        topItems,
      };
    });
  }

  /** The filters and the role rules' conditions on consultations, in SQL over `c`. */
  private async readable(
    manager: EntityManager,
    ability: TongbanAbility,
    where: ConsultationConditions,
  ): Promise<ConsultationConditions> {
    const myWindows = await this.windows.assignedTo(manager, this.context.actor.userId);
    const allowed = accessibleWhere(
      ability,
      'read',
      'Consultation',
      {
        tenantId: (p) => `c.tenant_id = ${p}::uuid`,
        tenantPath: (p) => this.tenants.subtreeCondition('c.tenant_id', p),
        windowStaffIds: { sql: (p) => `c.window_id = ANY(${p}::uuid[])`, param: () => myWindows },
      },
      where.params.length + 1,
    );
    if (!allowed) throw new ForbiddenError('Your role may not read consultations');
    return {
      conditions: [...where.conditions, allowed.sql],
      params: [...where.params, ...allowed.params],
    };
  }

  /** The rows as this reader may see them, with names; rows they may not read are left out. */
  private async present(
    manager: EntityManager,
    ability: TongbanAbility,
    rows: ConsultationRow[],
  ): Promise<ConsultationView[]> {
    if (rows.length === 0) return [];
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
      rows.map((row) => row.loggedBy),
    );
    return rows.flatMap((row) => {
      const tenant = tenants.get(row.tenantId);
      const window = windows.get(row.windowId);
      if (!tenant || !window) return [];
      const record = subject('Consultation', {
        id: row.id,
        tenantId: row.tenantId,
        tenantPath: tenant.path,
        windowStaffIds: window.staffIds,
      });
      if (!ability.can('read', record)) return [];
      return [
        {
          id: row.id,
          tenantId: row.tenantId,
          tenantName: tenant.name,
          windowId: row.windowId,
          windowName: window.name,
          itemCode: row.itemCode,
          itemName: row.itemName,
          channel: row.channel,
          note: row.note,
          loggedByName: names.get(row.loggedBy) ?? '',
          loggedAt: row.loggedAt,
        },
      ];
    });
  }
}

function periodOrThrow(from: string | null | undefined, to: string | null | undefined) {
  const period = countingPeriod(from, to);
  if (period.problems.length) {
    throw new BadUserInputError(period.problems.map((p) => `${p.field}: ${p.problem}`).join('; '), {
      problems: period.problems,
    });
  }
  return period;
}

function addPeriod(
  where: ConsultationConditions,
  period: { start: Date | null; end: Date | null },
) {
  if (period.start) {
    where.params.push(period.start);
    where.conditions.push(`c.logged_at >= $${where.params.length}`);
  }
  if (period.end) {
    where.params.push(period.end);
    where.conditions.push(`c.logged_at < $${where.params.length}`);
  }
}

/** An item the center cannot be asked about here, each with its own code for the window. */
function menuError(refusal: IntakeRefusal, code: string): Error {
  const problem = (text: string) => ({
    problems: [{ field: 'itemCode', code: refusal, problem: text }],
  });
  switch (refusal) {
    case IntakeRefusal.NOT_ON_MENU:
      return new BadUserInputError(
        `Item ${code} is not on this center's menu`,
        problem("Not on this center's menu"),
      );
    case IntakeRefusal.RETIRED:
      return new BadUserInputError(
        `Item ${code} is no longer on this center's menu`,
        problem('No longer on the menu (a retired catalogue version)'),
      );
    case IntakeRefusal.NOT_AT_THIS_TIER:
    case IntakeRefusal.INTAKE_ONLY:
      return new BadUserInputError(
        `Item ${code} is not served at this tier`,
        problem('Not served at this tier'),
      );
  }
}

/** Opaque to clients: where the previous page ended (log time, id). */
function encodeCursor(micros: string, id: string): string {
  return Buffer.from(`${micros}:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): ConsultationCursor {
  const [micros, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (rest.length || !/^\d{1,17}$/.test(micros ?? '') || !isUuid(id)) {
    throw new BadUserInputError('This page cursor is not one the server gave out');
  }
  return { micros, id };
}
