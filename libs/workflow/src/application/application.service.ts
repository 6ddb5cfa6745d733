import { Injectable } from '@nestjs/common';
import {
  abilityFor,
  accessibleWhere,
  BadUserInputError,
  beijingDay,
  Clock,
  ConflictError,
  ForbiddenError,
  isUuid,
  NotFoundError,
  Page,
  pageOf,
  personalDataFor,
  RequestContext,
  type SqlFilter,
  subject,
  type TenantNode,
  TenantScope,
  TenantStatus,
  type TongbanAbility,
} from '@tongban/core';
import {
  ServiceWindowPort,
  type ServiceWindowRecord,
  takesInApplications,
  TenantDirectory,
} from '@tongban/tenancy';
import { IntakeMenu, IntakeRefusal, ItemHandling, type TimeLimit } from '@tongban/catalog';
import { EntityManager } from 'typeorm';
import { normalizeIntake, type IntakeDetails } from './applicant';
import { clockDeadlines } from '../lifecycle/application-clock';
import { ApplicationAction, OPEN_STATUSES } from '../lifecycle/transitions';
import { ApplicationClocks, type ClockView } from './application-clocks';
import { ApplicationFacts } from './application-facts';
import { ApplicationStatus } from '../lifecycle/application-status';
import {
  ApplicationCursor,
  ApplicationRepository,
  ApplicationRow,
  type ChainEnd,
  type QueueCursor,
} from './application.repository';

/** An application as the reader may see it. */
export interface ApplicationView {
  id: string;
  tenantId: string;
  tenantName: string;
  receiptNumber: string;
  itemCode: string;
  itemName: string;
  itemVersionId: string | null;
  statutoryLimit: TimeLimit | null;
  promisedLimit: TimeLimit | null;
  itemHandling: ItemHandling | null;
  windowId: string;
  windowName: string;
  status: ApplicationStatus;
  applicant: { name: string; idNumber: string | null; phone: string | null; masked: boolean };
  submittedAt: Date;
  submittedByName: string;
  version: number;
  acceptedAt: Date | null;
  acceptanceDueAt: Date | null;
  promisedDeadline: Date | null;
  statutoryDeadline: Date | null;
  extensionDays: number;
  decidedAt: Date | null;
  completedAt: Date | null;
  dueAt: Date | null;
  clock: ClockView;
  /** What the reader may do now: the acts the state allows, if they may act on it at all. */
  actions: ApplicationAction[];
  /** The reader approves extensions here. */
  mayApproveExtensions: boolean;
  /** 代办, at the origin: the handler's row; at the handler: the origin's. */
  forwardedTo: ChainEnd | null;
  forwardedFrom: ChainEnd | null;
  /** 代办, at the origin: where the handler's row stands. */
  chainStatus: ApplicationStatus | null;
}

/** Intake (收件) and reading of applications, as the acting user may. */
@Injectable()
export class ApplicationService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly applications: ApplicationRepository,
    private readonly tenants: TenantDirectory,
    private readonly windows: ServiceWindowPort,
    private readonly clock: Clock,
    private readonly menu: IntakeMenu,
    private readonly clocks: ApplicationClocks,
    private readonly facts: ApplicationFacts,
  ) {}

  /** Takes an application in at a window: one transaction with its receipt number and event. */
  submit(
    input: { windowId: string; intakeKey?: string | null } & IntakeDetails,
  ): Promise<ApplicationView> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    const { intake, problems } = normalizeIntake(input, beijingDay(this.clock.now()));
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
      const record = subject('Application', { ...owned, windowStaffIds: window.staffIds });
      if (!ability.can('create', record)) {
        throw new ForbiddenError('You may take in applications only at the windows you work');
      }
      if (!takesInApplications(window.kind)) {
        throw new BadUserInputError(
          `A ${window.kind.toLowerCase()} window takes in no applications`,
        );
      }
      if (window.disabled) throw new ConflictError('This window is disabled');
      if (window.tenantStatus !== 'ACTIVE') {
        throw new ConflictError(`This hall is ${window.tenantStatus}, not open for applications`);
      }
      const hall = await this.tenants.require(manager, window.tenantId);
      const intakeKey = input.intakeKey ?? null;
      if (intakeKey) {
        // One request, one application: the same key again answers with what it made.
        const earlier = await this.applications.findByIntakeKey(manager, {
          tenantId: hall.id,
          submittedBy: actor.userId,
          intakeKey,
        });
        if (earlier) {
          if (
            earlier.itemCode !== intake.itemCode ||
            earlier.applicantName !== intake.applicant.name
          ) {
            throw new ConflictError('This intake key was used for another application', {
              reason: 'INTAKE_KEY_REUSED',
            });
          }
          return this.readOne(manager, ability, earlier.id);
        }
      }
      const item = await this.menu.itemFor(manager, hall, intake.itemCode);
      if (typeof item === 'string') throw refusalError(item, intake.itemCode);
      const at = this.clock.now();
      const { acceptanceDueAt, provisional } = await this.acceptanceDue(manager, hall.id, at);
      const created = await this.applications.recordIntake(manager, {
        at,
        acceptanceDueAt,
        provisional,
        intakeKey,
        hall: {
          tenantId: hall.id,
          receiptPrefix: hall.receiptPrefix,
          divisionCode: hall.divisionCode,
        },
        windowId: window.id,
        item,
        applicant: intake.applicant,
        submittedBy: actor.userId,
      });
      await this.facts.record(manager, window.tenantId, created.id);
      return this.readOne(manager, ability, created.id);
    });
  }

  /**
   * 待办: the open applications of the windows the reader works (or, working none, of their
   * own center or station), most urgent first, a page at a time.
   */
  workQueue(
    filter: {
      status?: ApplicationStatus | null;
      windowId?: string | null;
      overdueOnly?: boolean | null;
      search?: string | null;
    },
    first: number,
    after: string | null,
  ): Promise<Page<ApplicationView>> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    const cursor = after === null ? null : decodeQueueCursor(after);
    if (filter.status && !OPEN_STATUSES.includes(filter.status)) {
      throw new BadUserInputError('The work queue holds open applications only', {
        problems: [{ field: 'status', code: 'NOT_OPEN', problem: 'Not an open state' }],
      });
    }
    return this.scope.run(async (manager) => {
      const params: unknown[] = [actor.tenant.id];
      const conditions = [`a.tenant_id = $1::uuid`];
      params.push(filter.status ? [filter.status] : OPEN_STATUSES);
      conditions.push(`a.status = ANY($${params.length}::text[])`);
      params.push(actor.userId);
      // The windows they work or, working none, all of their center or station.
      const me = `$${params.length}`;
      conditions.push(
        `(${this.windows.workedByCondition('a.window_id', me)} OR ${this.windows.worksNoWindowCondition(me)})`,
      );
      if (filter.windowId) {
        // A window out of sight is NOT_FOUND, as everywhere, not an empty queue.
        const window = await this.windows.find(manager, filter.windowId);
        const owned = window && { tenantId: window.tenantId, tenantPath: window.tenantPath };
        if (!owned || !ability.can('read', subject('ServiceWindow', owned))) {
          throw new NotFoundError('Window not found');
        }
        params.push(filter.windowId);
        conditions.push(`a.window_id = $${params.length}::uuid`);
      }
      if (filter.overdueOnly) {
        params.push(this.clocks.now());
        conditions.push(`a.due_at < $${params.length}`);
      }
      const search = filter.search?.trim();
      if (search) {
        params.push(`${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        conditions.push(
          `(a.receipt_number ILIKE $${params.length} OR a.item_code ILIKE $${params.length})`,
        );
      }
      const allowed = this.readableWhere(ability, params.length + 1);
      const rows = await this.applications.queue(manager, {
        conditions: [...conditions, allowed.sql],
        params: [...params, ...allowed.params],
        after: cursor,
        limit: first + 1,
      });
      const page = pageOf(rows, first, (last) => encodeQueueCursor(last.dueMicros, last.id));
      return { ...page, nodes: await this.present(manager, ability, page.nodes) };
    });
  }

  private async acceptanceDue(
    manager: EntityManager,
    tenantId: string,
    at: Date,
  ): Promise<{ acceptanceDueAt: Date; provisional: boolean }> {
    const calendar = (await this.clocks.calendarsOf(manager, [tenantId])).get(tenantId)!;
    return clockDeadlines(calendar, {
      submittedAt: at,
      acceptedAt: null,
      promisedDays: null,
      statutoryDays: null,
      pauses: [],
      extensionDays: 0,
    });
  }

  /** One application; NOT_FOUND when it is outside what the reader may see. */
  get(id: string): Promise<ApplicationView> {
    return this.scope.run((manager) => this.readIn(manager, id));
  }

  /** One application in the caller's transaction, as the acting user may see it. */
  readIn(manager: EntityManager, id: string): Promise<ApplicationView> {
    return this.readOne(manager, abilityFor(this.context.actor), id);
  }

  /** Newest first, a page at a time; the role rules' conditions become the WHERE clause. */
  list(
    filter: { tenantId?: string | null; status?: ApplicationStatus | null },
    first: number,
    after: string | null,
  ): Promise<Page<ApplicationView>> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    const cursor = after === null ? null : decodeCursor(after);
    return this.scope.run(async (manager) => {
      const params: unknown[] = [];
      const conditions: string[] = [];
      if (filter.tenantId) {
        await this.tenants.require(manager, filter.tenantId);
        params.push(filter.tenantId);
        conditions.push(this.tenants.subtreeCondition('a.tenant_id', `$${params.length}`));
      }
      if (filter.status) {
        params.push(filter.status);
        conditions.push(`a.status = $${params.length}`);
      }
      const allowed = this.readableWhere(ability, params.length + 1);
      const rows = await this.applications.list(manager, {
        conditions: [...conditions, allowed.sql],
        params: [...params, ...allowed.params],
        after: cursor,
        limit: first + 1,
      });
      const page = pageOf(rows, first, (last) => encodeCursor(last.cursorMicros, last.id));
      return { ...page, nodes: await this.present(manager, ability, page.nodes) };
    });
  }

  /**
   * How the conditions of the role rules on applications read in SQL (alias `a`), with
   * parameters numbered from `firstParam`; FORBIDDEN when the role reads none.
   */
  private readableWhere(ability: TongbanAbility, firstParam: number): SqlFilter {
    const allowed = accessibleWhere(
      ability,
      'read',
      'Application',
      {
        tenantId: (p) => `a.tenant_id = ${p}::uuid`,
        tenantPath: (p) => this.tenants.subtreeCondition('a.tenant_id', p),
        windowStaffIds: (p) => this.windows.workedByCondition('a.window_id', p),
      },
      firstParam,
    );
    if (!allowed) throw new ForbiddenError('Your role may not read applications');
    return allowed;
  }

  private async readOne(
    manager: EntityManager,
    ability: TongbanAbility,
    id: string,
  ): Promise<ApplicationView> {
    const row = await this.applications.find(manager, id);
    const [view] = row ? await this.present(manager, ability, [row]) : [];
    if (!view) throw new NotFoundError('Application not found');
    return view;
  }

  /**
   * The rows as this reader may see them: each checked against the ability with its tenant's
   * path and its window's staff (read through tenancy's ports), names added, personal data
   * masked where the field rules say so. Rows the reader may not read are left out.
   */
  private async present(
    manager: EntityManager,
    ability: TongbanAbility,
    rows: ApplicationRow[],
  ): Promise<ApplicationView[]> {
    if (rows.length === 0) return [];
    // Each window comes with its hall, so the halls need no read of their own.
    const { windows, names } = await this.windows.findEachWithNames(
      manager,
      rows.map((row) => row.windowId),
      rows.map((row) => row.submittedBy),
    );
    const tenants = new Map<string, TenantNode>(
      [...windows.values()].map((window) => [window.tenantId, hallOf(window)]),
    );
    const clocks = await this.clocks.views(manager, rows, tenants);
    return rows.flatMap((row) => {
      const tenant = tenants.get(row.tenantId);
      const window = windows.get(row.windowId);
      if (!tenant || !window) return [];
      const record = subject('Application', {
        id: row.id,
        tenantId: row.tenantId,
        tenantPath: tenant.path,
        windowStaffIds: window.staffIds,
      });
      if (!ability.can('read', record)) return [];
      const applicant = personalDataFor(ability, record, {
        name: row.applicantName,
        idNumber: row.applicantIdNumber,
        phone: row.applicantPhone,
      });
      return [
        {
          id: row.id,
          tenantId: row.tenantId,
          tenantName: tenant.name,
          receiptNumber: row.receiptNumber,
          itemCode: row.itemCode,
          itemName: row.itemName,
          itemVersionId: row.itemVersionId,
          statutoryLimit: row.statutoryLimit,
          promisedLimit: row.promisedLimit,
          itemHandling: row.itemHandling as ItemHandling | null,
          windowId: row.windowId,
          windowName: window.name,
          status: row.status,
          applicant,
          submittedAt: row.submittedAt,
          submittedByName: names.get(row.submittedBy) ?? '',
          version: row.version,
          acceptedAt: row.acceptedAt,
          acceptanceDueAt: row.acceptanceDueAt,
          promisedDeadline: row.promisedDeadline,
          statutoryDeadline: row.statutoryDeadline,
          extensionDays: row.extensionDays,
          decidedAt: row.decidedAt,
          completedAt: row.completedAt,
          dueAt: row.dueAt,
          clock: clocks.get(row.id)!,
          actions: ability.can('update', record) ? clocks.get(row.id)!.actions : [],
          mayApproveExtensions: ability.can('approve', record),
          forwardedTo: row.forwardedTo,
          forwardedFrom: row.forwardedFrom,
          chainStatus: row.chainStatus,
        },
      ];
    });
  }
}

/** The hall a window record carries, as a node of the tenant tree. */
function hallOf(window: ServiceWindowRecord): TenantNode {
  return {
    id: window.tenantId,
    parentId: window.tenantParentId,
    kind: window.tenantKind,
    divisionCode: window.tenantDivisionCode,
    name: window.tenantName,
    status: window.tenantStatus as TenantStatus,
    path: window.tenantPath,
  };
}

/** Each refusal with its own code, for the window to show in its own words. */
function refusalError(refusal: IntakeRefusal, code: string): Error {
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
      return new ConflictError(
        `Item ${code} comes from a retired catalogue version`,
        problem('From a retired catalogue version'),
      );
    case IntakeRefusal.NOT_AT_THIS_TIER:
      return new BadUserInputError(
        `Item ${code} is not taken in at this tier`,
        problem('Not taken in at this tier'),
      );
    case IntakeRefusal.INTAKE_ONLY:
      return new BadUserInputError(
        `Item ${code} may only be taken in here`,
        problem('Only taken in here'),
      );
  }
}

/** Opaque to clients: where the previous page ended (intake time, id). */
function encodeCursor(micros: string, id: string): string {
  return Buffer.from(`${micros}:${id}`).toString('base64url');
}

function encodeQueueCursor(dueMicros: string | null, id: string): string {
  return Buffer.from(`q:${dueMicros ?? '-'}:${id}`).toString('base64url');
}

function decodeQueueCursor(cursor: string): QueueCursor {
  const [tag, due, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (tag !== 'q' || rest.length || !/^(-|-?\d{1,17})$/.test(due ?? '') || !isUuid(id)) {
    throw new BadUserInputError('This page cursor is not one the server gave out');
  }
  return { dueMicros: due === '-' ? null : due, id };
}

function decodeCursor(cursor: string): ApplicationCursor {
  const [micros, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (rest.length || !/^\d{1,17}$/.test(micros ?? '') || !isUuid(id)) {
    throw new BadUserInputError('This page cursor is not one the server gave out');
  }
  return { micros, id };
}
