import { Injectable } from '@nestjs/common';
import {
  abilityFor,
  accessibleWhere,
  AuditRepository,
  BadUserInputError,
  Clock,
  ConflictError,
  ForbiddenError,
  isUuid,
  maskName,
  maskPhone,
  NotFoundError,
  type Page,
  pageOf,
  RequestContext,
  Role,
  subject,
  TenantScope,
  type TongbanAbility,
} from '@tongban/core';
import { ServiceWindowPort, TenantDirectory, UserDirectory } from '@tongban/tenancy';
import { EntityManager } from 'typeorm';
import { WorkingCalendars } from '../calendar-store/working-calendars';
import { NotificationChannel } from '../notification/outbox';
import { NotificationRepository } from '../notification/notification.repository';
import { SupervisionSettingsPort } from '../supervision/supervision-settings.port';
import {
  type ComplaintAct,
  actRefusal,
  ComplaintChannel,
  complaintDue,
  type ComplaintEntry,
  ComplaintOutcome,
  ComplaintStatus,
  ComplaintSubjectKind,
  isOpen,
  isOverdue,
  normalizeComplaint,
  statusAfter,
  textProblem,
} from './complaint';
import {
  type ComplaintConditions,
  type ComplaintEventAction,
  ComplaintRepository,
  type ComplaintRow,
} from './complaint.repository';

export interface ComplaintView {
  id: string;
  tenantId: string;
  tenantName: string;
  subjectKind: ComplaintSubjectKind;
  windowId: string | null;
  windowName: string | null;
  staffId: string | null;
  staffName: string | null;
  applicationId: string | null;
  receiptNumber: string | null;
  itemName: string | null;
  channel: ComplaintChannel;
  complainantName: string;
  complainantPhone: string | null;
  /** Whether the complainant's name or phone was masked for this reader. */
  personalDataMasked: boolean;
  content: string;
  receivedAt: Date;
  dueAt: Date;
  overdue: boolean;
  status: ComplaintStatus;
  loggedByName: string;
  assigneeName: string | null;
  outcome: ComplaintOutcome | null;
  resolution: string | null;
  finishedByName: string | null;
  finishedAt: Date | null;
  mayHandle: boolean;
}

export interface ComplaintDetailView extends ComplaintView {
  events: {
    id: string;
    action: ComplaintEventAction;
    actorName: string;
    occurredAt: Date;
    note: string | null;
  }[];
}

/** A text the person must give: trimmed, 1–`max` characters; BAD_USER_INPUT otherwise. */
function requiredText(field: string, value: string | null | undefined, max: number): string {
  const problem = textProblem(field, value, max);
  if (problem) {
    throw new BadUserInputError(`${field}: ${problem.problem}`, { problems: [problem] });
  }
  return value!.trim();
}

function notOpen(): Error {
  return new ConflictError('This complaint is already resolved or closed', {
    reason: 'NOT_OPEN',
  });
}

/** Someone else acted on the complaint between the read and the write. */
function changedMeanwhile(): Error {
  return new ConflictError('This complaint was changed by someone else; reload it', {
    reason: 'CHANGED',
  });
}

/**
 * 投诉 (issue 12): the complaint window logs a complaint against a window, a staff member or
 * an application, due in the tenant's complaint working days; the center's managers and
 * supervisors assign it, note what they did, and resolve it with an outcome or close it.
 */
@Injectable()
export class ComplaintService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly complaints: ComplaintRepository,
    private readonly tenants: TenantDirectory,
    private readonly windows: ServiceWindowPort,
    private readonly users: UserDirectory,
    private readonly settings: SupervisionSettingsPort,
    private readonly calendars: WorkingCalendars,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Logs a complaint; what it is about must be in the actor's sight (else NOT_FOUND). A staff
   * member is one of `tenantId`'s (the actor's own tenant by default). The center's managers
   * are told in the same transaction (the notification outbox).
   */
  log(input: ComplaintEntry & { tenantId?: string | null }): Promise<ComplaintDetailView> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    const { complaint, problems } = normalizeComplaint(input);
    if (!complaint) {
      throw new BadUserInputError(problems.map((p) => `${p.field}: ${p.problem}`).join('; '), {
        problems,
      });
    }
    return this.scope.run(async (manager) => {
      const about = await this.subjectOf(manager, ability, complaint.subject, input.tenantId);
      const tenant = (await this.tenants.nodeOf(manager, about.tenantId))!;
      const record = subject('Complaint', {
        tenantId: tenant.id,
        tenantPath: tenant.path,
        windowStaffIds: about.windowStaffIds,
        staffId: about.staffId,
      });
      if (!ability.can('create', record)) {
        throw new ForbiddenError('You may not log complaints here');
      }
      const { settings } = await this.settings.effective(manager, tenant);
      const calendar = await this.calendars.forNode(manager, tenant);
      const now = this.clock.now();
      const { dueAt } = complaintDue(calendar, now, settings.complaintWorkingDays);
      const id = await this.complaints.insert(manager, {
        tenantId: tenant.id,
        subjectKind: complaint.subject.kind,
        windowId: about.windowId,
        staffId: about.staffId,
        applicationId: about.applicationId,
        channel: complaint.channel,
        complainantName: complaint.complainantName,
        complainantPhone: complaint.complainantPhone,
        content: complaint.content,
        receivedAt: now,
        dueAt,
        loggedBy: actor.userId,
      });
      await this.complaints.insertEvent(manager, {
        tenantId: tenant.id,
        complaintId: id,
        action: 'LOGGED',
        actorId: actor.userId,
        at: now,
        note: null,
      });
      await this.audit.record(manager, {
        tenantId: tenant.id,
        actorId: actor.userId,
        action: 'COMPLAINT_LOGGED',
        subjectId: id,
        details: { subjectKind: complaint.subject.kind, channel: complaint.channel },
      });
      const managers = await this.users.holdersOf(manager, [tenant.id], Role.CENTER_MANAGER);
      await this.notifications.enqueue(
        manager,
        managers.map(({ userId }) => ({
          tenantId: tenant.id,
          dedupeKey: `complaint:${id}`,
          recipientId: userId,
          channel: NotificationChannel.INBOX,
          subject: `新投诉：${tenant.name}`,
          // No personal data in a message: the complaint itself says who and what.
          body: `${tenant.name}收到一件新投诉，请在期限内处理。`,
        })),
      );
      return this.detail(manager, ability, id);
    });
  }

  /** Newest first, a page at a time; the role rules' conditions become the WHERE clause. */
  list(
    filter: { tenantId?: string | null; status?: ComplaintStatus | null; overdue?: boolean | null },
    first: number,
    after: string | null,
  ): Promise<Page<ComplaintView>> {
    const ability = abilityFor(this.context.actor);
    const cursor = after === null ? null : decodeCursor(after);
    return this.scope.run(async (manager) => {
      const where: ComplaintConditions = { conditions: [], params: [] };
      if (filter.tenantId) {
        await this.tenants.require(manager, filter.tenantId);
        where.params.push(filter.tenantId);
        where.conditions.push(
          this.tenants.subtreeCondition('c.tenant_id', `$${where.params.length}`),
        );
      }
      if (filter.status) {
        where.params.push(filter.status);
        where.conditions.push(`c.status = $${where.params.length}`);
      }
      if (filter.overdue != null) {
        where.params.push(this.clock.now());
        const late = `(c.status IN ('RECEIVED','IN_PROGRESS') AND c.due_at < $${where.params.length})`;
        where.conditions.push(filter.overdue ? late : `NOT ${late}`);
      }
      const userId = this.context.actor.userId;
      const myWindows = await this.windows.assignedTo(manager, userId);
      const allowed = accessibleWhere(
        ability,
        'read',
        'Complaint',
        {
          tenantId: (p) => `c.tenant_id = ${p}::uuid`,
          tenantPath: (p) => this.tenants.subtreeCondition('c.tenant_id', p),
          windowStaffIds: { sql: (p) => `c.window_id = ANY(${p}::uuid[])`, param: () => myWindows },
          staffId: (p) => `c.staff_id = ${p}::uuid`,
        },
        where.params.length + 1,
      );
      if (!allowed) throw new ForbiddenError('Your role may not read complaints');
      const rows = await this.complaints.list(manager, {
        conditions: [...where.conditions, allowed.sql],
        params: [...where.params, ...allowed.params],
        after: cursor,
        limit: first + 1,
      });
      const page = pageOf(rows, first, (last) => encodeCursor(last.cursorMicros, last.id));
      return { ...page, nodes: await this.present(manager, ability, page.nodes) };
    });
  }

  get(id: string): Promise<ComplaintDetailView> {
    const ability = abilityFor(this.context.actor);
    return this.scope.run((manager) => this.detail(manager, ability, id));
  }

  /** Gives the complaint to someone of its center to handle (IN_PROGRESS). */
  assign(input: { complaintId: string; assigneeId: string }): Promise<ComplaintDetailView> {
    return this.act(input.complaintId, 'ASSIGN', async (manager, row) => {
      const actorId = this.context.actor.userId;
      if (
        input.assigneeId !== actorId &&
        !(await this.users.isMember(manager, row.tenantId, input.assigneeId))
      ) {
        throw new NotFoundError('Staff member not found');
      }
      return { change: { assigneeId: input.assigneeId }, note: null };
    });
  }

  /** Notes a handling step (a call made, a meeting held) on an open complaint. */
  addNote(input: { complaintId: string; note: string }): Promise<ComplaintDetailView> {
    const note = requiredText('note', input.note, 2000);
    return this.act(input.complaintId, 'NOTE', async () => ({ change: {}, note }));
  }

  /** Resolves the complaint: the outcome, and what was done (both required). */
  resolve(input: {
    complaintId: string;
    outcome?: ComplaintOutcome | null;
    resolution: string;
  }): Promise<ComplaintDetailView> {
    if (!input.outcome) {
      throw new BadUserInputError('outcome: Required', {
        problems: [{ field: 'outcome', code: 'REQUIRED', problem: 'Required' }],
      });
    }
    const outcome = input.outcome;
    const resolution = requiredText('resolution', input.resolution, 2000);
    return this.act(input.complaintId, 'RESOLVE', async () => ({
      change: { outcome, resolution },
      note: resolution,
    }));
  }

  /** Closes the complaint without a finding (withdrawn, a duplicate, not the center's). */
  close(input: { complaintId: string; reason: string }): Promise<ComplaintDetailView> {
    const reason = requiredText('reason', input.reason, 2000);
    return this.act(input.complaintId, 'CLOSE', async () => ({
      change: { resolution: reason },
      note: reason,
    }));
  }

  /**
   * One handling act: the complaint locked, checked (NOT_FOUND out of sight, FORBIDDEN when
   * only read, CONFLICT when finished), changed from the version read, its step recorded.
   */
  private act(
    id: string,
    act: ComplaintAct,
    prepare: (
      manager: EntityManager,
      row: ComplaintRow,
    ) => Promise<{
      change: {
        assigneeId?: string;
        outcome?: ComplaintOutcome;
        resolution?: string;
      };
      note: string | null;
    }>,
  ): Promise<ComplaintDetailView> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    return this.scope.run(async (manager) => {
      const row = await this.complaintFor(manager, ability, id, 'update', true);
      if (actRefusal(row.status, act)) throw notOpen();
      const { change, note } = await prepare(manager, row);
      const now = this.clock.now();
      const status = statusAfter(row.status, act);
      const finished = !isOpen(status);
      const changed =
        act === 'NOTE'
          ? await this.complaints.touch(manager, row.id, row.version)
          : await this.complaints.change(manager, row.id, row.version, {
              status,
              ...(change.assigneeId !== undefined ? { assigneeId: change.assigneeId } : {}),
              outcome: change.outcome ?? null,
              resolution: change.resolution ?? null,
              finishedBy: finished ? actor.userId : null,
              finishedAt: finished ? now : null,
            });
      if (!changed) throw changedMeanwhile();
      const action: ComplaintEventAction = (
        { ASSIGN: 'ASSIGNED', NOTE: 'NOTE', RESOLVE: 'RESOLVED', CLOSE: 'CLOSED' } as const
      )[act];
      await this.complaints.insertEvent(manager, {
        tenantId: row.tenantId,
        complaintId: row.id,
        action,
        actorId: actor.userId,
        at: now,
        note,
      });
      if (act !== 'NOTE') {
        await this.audit.record(manager, {
          tenantId: row.tenantId,
          actorId: actor.userId,
          action: `COMPLAINT_${action as Exclude<ComplaintEventAction, 'NOTE' | 'LOGGED'>}`,
          subjectId: row.id,
          details: change.outcome ? { outcome: change.outcome } : undefined,
        });
      }
      return this.detail(manager, ability, row.id);
    });
  }

  /** Where the complaint belongs, from what it is about, each checked to be in sight. */
  private async subjectOf(
    manager: EntityManager,
    ability: TongbanAbility,
    about: { kind: ComplaintSubjectKind; id: string },
    tenantId: string | null | undefined,
  ): Promise<{
    tenantId: string;
    windowId: string | null;
    staffId: string | null;
    applicationId: string | null;
    windowStaffIds: string[];
  }> {
    if (!isUuid(about.id)) {
      throw new BadUserInputError('The subject of the complaint is not an id', {
        reason: 'BAD_ID',
      });
    }
    if (about.kind === ComplaintSubjectKind.WINDOW) {
      const window = await this.windows.find(manager, about.id);
      const owned = window && { tenantId: window.tenantId, tenantPath: window.tenantPath };
      if (!window || !owned || !ability.can('read', subject('ServiceWindow', owned))) {
        throw new NotFoundError('Window not found');
      }
      return {
        tenantId: window.tenantId,
        windowId: window.id,
        staffId: null,
        applicationId: null,
        windowStaffIds: window.staffIds,
      };
    }
    if (about.kind === ComplaintSubjectKind.APPLICATION) {
      const application = await this.complaints.application(manager, about.id);
      const window = application && (await this.windows.find(manager, application.windowId));
      const record =
        window &&
        subject('Application', {
          id: about.id,
          tenantId: window.tenantId,
          tenantPath: window.tenantPath,
          windowStaffIds: window.staffIds,
        });
      if (!application || !record || !ability.can('read', record)) {
        throw new NotFoundError('Application not found');
      }
      return {
        tenantId: application.tenantId,
        windowId: application.windowId,
        staffId: application.handlerId,
        applicationId: application.id,
        windowStaffIds: window.staffIds,
      };
    }
    const hall = await this.tenants.require(manager, tenantId ?? this.context.actor.tenant.id);
    const staffRecord = subject('Staff', { tenantId: hall.id, tenantPath: hall.path });
    if (
      !ability.can('read', staffRecord) ||
      !(await this.users.isMember(manager, hall.id, about.id))
    ) {
      throw new NotFoundError('Staff member not found');
    }
    return {
      tenantId: hall.id,
      windowId: null,
      staffId: about.id,
      applicationId: null,
      windowStaffIds: [],
    };
  }

  /** A complaint the actor may read, checked for `action`: NOT_FOUND out of sight, else FORBIDDEN. */
  private async complaintFor(
    manager: EntityManager,
    ability: TongbanAbility,
    id: string,
    action: 'read' | 'update',
    lock = false,
  ): Promise<ComplaintRow> {
    const row = await this.complaints.find(manager, id, lock);
    const record = row && (await this.recordOf(manager, row));
    if (!row || !record || !ability.can('read', record)) {
      throw new NotFoundError('Complaint not found');
    }
    if (!ability.can(action, record)) {
      throw new ForbiddenError('You may not handle this complaint');
    }
    return row;
  }

  private async recordOf(manager: EntityManager, row: ComplaintRow) {
    const tenant = await this.tenants.nodeOf(manager, row.tenantId);
    if (!tenant) return undefined;
    const window = row.windowId ? await this.windows.find(manager, row.windowId) : undefined;
    return this.complaintSubject(row, tenant.path, window?.staffIds ?? []);
  }

  private complaintSubject(row: ComplaintRow, tenantPath: string[], windowStaffIds: string[]) {
    return subject('Complaint', {
      id: row.id,
      tenantId: row.tenantId,
      tenantPath,
      windowStaffIds,
      staffId: row.staffId,
    });
  }

  private async detail(
    manager: EntityManager,
    ability: TongbanAbility,
    id: string,
  ): Promise<ComplaintDetailView> {
    const row = await this.complaintFor(manager, ability, id, 'read');
    const [view] = await this.present(manager, ability, [row]);
    const events = await this.complaints.eventsOf(manager, id);
    const names = await this.users.displayNames(
      manager,
      events.map((e) => e.actorId),
    );
    return {
      ...view,
      events: events.map((e) => ({
        id: e.id,
        action: e.action,
        actorName: names.get(e.actorId) ?? '',
        occurredAt: e.occurredAt,
        note: e.note,
      })),
    };
  }

  private async present(
    manager: EntityManager,
    ability: TongbanAbility,
    rows: ComplaintRow[],
  ): Promise<ComplaintView[]> {
    if (rows.length === 0) return [];
    const now = this.clock.now();
    const windows = await this.windows.findEach(
      manager,
      rows.flatMap((row) => (row.windowId ? [row.windowId] : [])),
    );
    const tenantIds = [...new Set(rows.map((row) => row.tenantId))];
    const tenants = new Map(
      (await this.tenants.requireEach(manager, tenantIds)).flatMap((tenant, i) =>
        tenant instanceof Error ? [] : [[tenantIds[i], tenant] as const],
      ),
    );
    const names = await this.users.displayNames(
      manager,
      rows.flatMap((row) =>
        [row.staffId, row.loggedBy, row.assigneeId, row.finishedBy].filter(
          (id): id is string => !!id,
        ),
      ),
    );
    return rows.flatMap((row) => {
      const tenant = tenants.get(row.tenantId);
      const window = row.windowId ? windows.get(row.windowId) : undefined;
      if (!tenant || (row.windowId && !window)) return [];
      const record = this.complaintSubject(row, tenant.path, window?.staffIds ?? []);
      if (!ability.can('read', record)) return [];
      const nameMasked = !ability.can('read', record, 'complainantName');
      const phoneMasked =
        row.complainantPhone !== null && !ability.can('read', record, 'complainantPhone');
      return [
        {
          id: row.id,
          tenantId: row.tenantId,
          tenantName: tenant.name,
          subjectKind: row.subjectKind,
          windowId: row.windowId,
          windowName: window?.name ?? null,
          staffId: row.staffId,
          staffName: row.staffId ? (names.get(row.staffId) ?? '') : null,
          applicationId: row.applicationId,
          receiptNumber: row.receiptNumber,
          itemName: row.itemName,
          channel: row.channel,
          complainantName: nameMasked ? maskName(row.complainantName) : row.complainantName,
          complainantPhone: phoneMasked ? maskPhone(row.complainantPhone!) : row.complainantPhone,
          personalDataMasked: nameMasked || phoneMasked,
          content: row.content,
          receivedAt: row.receivedAt,
          dueAt: row.dueAt,
          overdue: isOverdue(row.status, row.dueAt, now),
          status: row.status,
          loggedByName: names.get(row.loggedBy) ?? '',
          assigneeName: row.assigneeId ? (names.get(row.assigneeId) ?? '') : null,
          outcome: row.outcome,
          resolution: row.resolution,
          finishedByName: row.finishedBy ? (names.get(row.finishedBy) ?? '') : null,
          finishedAt: row.finishedAt,
          mayHandle: ability.can('update', record) && isOpen(row.status),
        },
      ];
    });
  }
}

/** Opaque to clients: where the previous page ended (received at, id). */
function encodeCursor(micros: string, id: string): string {
  return Buffer.from(`${micros}:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { micros: string; id: string } {
  const [micros, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (rest.length || !/^\d{1,17}$/.test(micros ?? '') || !isUuid(id)) {
    throw new BadUserInputError('This page cursor is not one the server gave out');
  }
  return { micros, id };
}
