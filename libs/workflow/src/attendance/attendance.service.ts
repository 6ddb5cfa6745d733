import { Inject, Injectable } from '@nestjs/common';
import {
  abilityFor,
  AuditRepository,
  BadUserInputError,
  Clock,
  ConflictError,
  ForbiddenError,
  isUuid,
  NotFoundError,
  RequestContext,
  subject,
  type TenantNode,
  TenantScope,
} from '@tongban/core';
import {
  IDENTITY_OPTIONS,
  type IdentityOptions,
  type LoginThrottle,
  TenantDirectory,
  UserDirectory,
} from '@tongban/tenancy';
import { EntityManager } from 'typeorm';
import { beijingDayNumber, beijingMidnightMs } from '../calendar/beijing-time';
import { CalendarYearUnknownError } from '../calendar/working-calendar';
import { WorkingCalendars } from '../calendar-store/working-calendars';
import {
  issueEvaluationToken,
  parseEvaluationToken,
  secretMatches,
} from '../evaluation/evaluation-token';
import {
  ClockDirection,
  clockEventRefusal,
  isSameEvent,
  monthSummary,
  type MonthSummary,
  parseMonth,
  workingDaysOf,
} from './attendance';
import { AttendanceRepository, type TerminalRow } from './attendance.repository';
import { writeAttendanceWorkbook } from './attendance-workbook';

export interface TerminalView {
  id: string;
  tenantId: string;
  label: string;
  registeredByName: string;
  registeredAt: Date;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
}

export enum ClockEventOutcome {
  RECORDED = 'RECORDED',
  REPLAYED = 'REPLAYED',
}

export interface AttendanceRowView extends MonthSummary {
  staffId: string;
  staffName: string;
}

export interface AttendanceMonthView {
  tenantId: string;
  tenantName: string;
  month: string;
  /** The month's working days counted so far (up to today). */
  workingDays: number;
  rows: AttendanceRowView[];
}

/** The most events one request may carry. */
export const MAX_CLOCK_EVENTS = 500;

function requiredText(field: string, value: string | null | undefined, max: number): string {
  const text = value?.trim() ?? '';
  if (text.length === 0 || [...text].length > max) {
    throw new BadUserInputError(`${field}: 1–${max} characters`, {
      problems: [{ field, code: text.length === 0 ? 'REQUIRED' : 'TOO_LONG' }],
    });
  }
  return text;
}

function terminalRefused(reason: 'TERMINAL_UNKNOWN' | 'TERMINAL_REVOKED'): Error {
  const messages = {
    TERMINAL_UNKNOWN: 'This attendance terminal is not registered',
    TERMINAL_REVOKED: 'This attendance terminal has been revoked',
  };
  return new ForbiddenError(messages[reason], { reason });
}

function noSuchStaff(): Error {
  return new NotFoundError('No such staff member here');
}

function monthOrThrow(month: string) {
  const parsed = parseMonth(month);
  if (!parsed) {
    throw new BadUserInputError('month: a month as YYYY-MM', { reason: 'BAD_MONTH' });
  }
  return parsed;
}

/**
 * 考勤 (issue 12): clock-in and clock-out events from a center's fingerprint terminals (a
 * device token, no login; each event under the terminal's own id, so a replay records nothing
 * new) or entered by a manager with a reason; the month's sheet per person over the tenant's
 * working days and business hours.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly attendance: AttendanceRepository,
    private readonly tenants: TenantDirectory,
    private readonly users: UserDirectory,
    private readonly calendars: WorkingCalendars,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    @Inject(IDENTITY_OPTIONS) identity: IdentityOptions,
  ) {
    this.tokens = identity.tokenThrottle;
  }

  /** Attempts at terminal tokens, per token and per address (shared with evaluation devices). */
  private readonly tokens: LoginThrottle;

  /** As evaluation devices do: the attempt counted before the database is read. */
  private async withTokenAttempt<T>(
    tokenId: string,
    clientAddress: string,
    check: (proven: () => Promise<void>) => Promise<T>,
  ): Promise<T> {
    await this.tokens.attempt(tokenId, clientAddress);
    return this.tokens.check(tokenId, clientAddress, () =>
      check(() => this.tokens.succeeded(tokenId, clientAddress)),
    );
  }

  // ── terminals ──

  /** Registers a fingerprint terminal of a center (the actor's own by default); its token is given back this once. */
  registerTerminal(input: {
    label: string;
    tenantId?: string | null;
  }): Promise<{ terminal: TerminalView; token: string }> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    const label = requiredText('label', input.label, 100);
    return this.scope.run(async (manager) => {
      const hall = await this.tenants.require(manager, input.tenantId ?? actor.tenant.id);
      if (!ability.can('update', this.record(hall))) {
        throw new ForbiddenError('You may not register attendance terminals here');
      }
      const { id, token, hash } = issueEvaluationToken(hall.id);
      await this.attendance.insertTerminal(manager, {
        id,
        tenantId: hall.id,
        label,
        tokenHash: hash,
        registeredBy: actor.userId,
      });
      await this.audit.record(manager, {
        tenantId: hall.id,
        actorId: actor.userId,
        action: 'ATTENDANCE_TERMINAL_REGISTERED',
        subjectId: id,
        details: { label },
      });
      const [terminal] = await this.presentTerminals(manager, [
        (await this.attendance.terminal(manager, id))!,
      ]);
      return { terminal, token };
    });
  }

  /** A revoked terminal records nothing more; the row stays as the record. */
  revokeTerminal(id: string): Promise<TerminalView> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    return this.scope.run(async (manager) => {
      const row = await this.attendance.terminal(manager, id, true);
      const hall = row && (await this.tenants.nodeOf(manager, row.tenantId));
      if (!row || !hall || !ability.can('read', this.record(hall))) {
        throw new NotFoundError('Attendance terminal not found');
      }
      if (!ability.can('update', this.record(hall))) {
        throw new ForbiddenError('You may not revoke attendance terminals here');
      }
      if (row.revokedAt) throw new ConflictError('This terminal is already revoked');
      await this.attendance.revokeTerminal(manager, id, actor.userId, this.clock.now());
      await this.audit.record(manager, {
        tenantId: row.tenantId,
        actorId: actor.userId,
        action: 'ATTENDANCE_TERMINAL_REVOKED',
        subjectId: id,
      });
      const [terminal] = await this.presentTerminals(manager, [
        (await this.attendance.terminal(manager, id))!,
      ]);
      return terminal;
    });
  }

  /** A center's terminals (the actor's own by default), for those who keep them. */
  terminals(tenantId: string | null): Promise<TerminalView[]> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    return this.scope.run(async (manager) => {
      const hall = await this.tenants.require(manager, tenantId ?? actor.tenant.id);
      if (!ability.can('update', this.record(hall))) {
        throw new ForbiddenError('You may not see the attendance terminals here');
      }
      return this.presentTerminals(manager, await this.attendance.terminalsOf(manager, hall.id));
    });
  }

  // ── clock events ──

  /**
   * A terminal's batch of clock events, in the terminal's scope. Each event is RECORDED, or
   * REPLAYED when the terminal sent it before (nothing new written). The batch is refused as a
   * whole, recording nothing, for an event from the future, one older than the newest a
   * terminal recorded for that person, an event id reused for another event, or a person who
   * is not the terminal's center's.
   */
  recordClockEvents(
    input: {
      terminalToken: string;
      events: { eventId: string; staffId: string; at: Date; direction: ClockDirection }[];
    },
    clientAddress: string,
  ): Promise<{ eventId: string; outcome: ClockEventOutcome }[]> {
    const parsed = parseEvaluationToken(input.terminalToken);
    if (!parsed) throw terminalRefused('TERMINAL_UNKNOWN');
    if (input.events.length === 0 || input.events.length > MAX_CLOCK_EVENTS) {
      throw new BadUserInputError(`events: 1–${MAX_CLOCK_EVENTS} at a time`, {
        reason: 'BATCH_SIZE',
      });
    }
    const events = input.events.map((event) => ({
      ...event,
      eventId: requiredText('eventId', event.eventId, 100),
    }));
    if (new Set(events.map((e) => e.eventId)).size !== events.length) {
      throw new BadUserInputError('An event id appears twice in this batch', {
        reason: 'DUPLICATE_EVENT_ID',
      });
    }
    return this.withTokenAttempt(parsed.id, clientAddress, (proven) =>
      this.scope.runIn(
        { tenantId: parsed.tenantId, visibility: 'tenant', actorId: null },
        async (manager) => {
          // Locked: one batch of a terminal at a time, so a replay racing its original is one row.
          const terminal = await this.attendance.terminal(manager, parsed.id, true);
          if (!terminal || !secretMatches(parsed.secret, terminal.tokenHash)) {
            throw terminalRefused('TERMINAL_UNKNOWN');
          }
          await proven();
          if (terminal.revokedAt) throw terminalRefused('TERMINAL_REVOKED');
          const now = this.clock.now();
          const members = new Map<string, boolean>();
          const outcomes: { eventId: string; outcome: ClockEventOutcome }[] = [];
          for (const event of events) {
            outcomes.push({
              eventId: event.eventId,
              outcome: await this.recordOne(manager, terminal, event, now, members),
            });
          }
          await this.attendance.terminalSeen(manager, terminal.id, now);
          return outcomes;
        },
      ),
    );
  }

  private async recordOne(
    manager: EntityManager,
    terminal: TerminalRow,
    event: { eventId: string; staffId: string; at: Date; direction: ClockDirection },
    now: Date,
    members: Map<string, boolean>,
  ): Promise<ClockEventOutcome> {
    if (!isUuid(event.staffId)) throw noSuchStaff();
    if (!members.has(event.staffId)) {
      members.set(
        event.staffId,
        await this.users.isMember(manager, terminal.tenantId, event.staffId),
      );
    }
    if (!members.get(event.staffId)) throw noSuchStaff();
    const sent = { userId: event.staffId, at: event.at, direction: event.direction };
    const before = await this.attendance.terminalEvent(
      manager,
      terminal.tenantId,
      terminal.id,
      event.eventId,
    );
    if (before) {
      if (isSameEvent(before, sent)) return ClockEventOutcome.REPLAYED;
      throw new ConflictError('This event id was already used for another clock event', {
        reason: 'EVENT_ID_REUSED',
        eventId: event.eventId,
      });
    }
    const newest = await this.attendance.newestFromTerminals(
      manager,
      terminal.tenantId,
      event.staffId,
    );
    const refusal = clockEventRefusal(event.at, now, newest);
    if (refusal === 'FUTURE') {
      throw new BadUserInputError('A clock event is ahead of the server clock', {
        reason: 'FUTURE',
        eventId: event.eventId,
      });
    }
    if (refusal === 'OUT_OF_ORDER') {
      throw new ConflictError('A clock event is older than one already recorded', {
        reason: 'OUT_OF_ORDER',
        eventId: event.eventId,
      });
    }
    await this.attendance.insertEvent(manager, {
      tenantId: terminal.tenantId,
      terminalId: terminal.id,
      terminalEventId: event.eventId,
      userId: event.staffId,
      at: event.at,
      direction: event.direction,
      enteredBy: null,
      reason: null,
    });
    return ClockEventOutcome.RECORDED;
  }

  /**
   * A manager enters a clock event by hand (a forgotten punch, a terminal down), with the
   * reason, audited. Not from the future; older than the terminals' events is what it is for.
   */
  enter(input: {
    staffId: string;
    at: Date;
    direction: ClockDirection;
    reason: string;
    tenantId?: string | null;
  }): Promise<{ id: string; staffId: string; at: Date; direction: ClockDirection }> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    const reason = requiredText('reason', input.reason, 500);
    if (!isUuid(input.staffId)) {
      throw new BadUserInputError('staffId is not an id', { reason: 'BAD_ID' });
    }
    return this.scope.run(async (manager) => {
      const hall = await this.tenants.require(manager, input.tenantId ?? actor.tenant.id);
      const record = this.record(hall, input.staffId);
      if (
        !ability.can('read', subject('Staff', { tenantId: hall.id, tenantPath: hall.path })) ||
        !(await this.users.isMember(manager, hall.id, input.staffId))
      ) {
        throw noSuchStaff();
      }
      if (!ability.can('create', record)) {
        throw new ForbiddenError('You may not enter attendance here');
      }
      if (clockEventRefusal(input.at, this.clock.now(), null) === 'FUTURE') {
        throw new BadUserInputError('A clock event is ahead of the server clock', {
          reason: 'FUTURE',
        });
      }
      const id = await this.attendance.insertEvent(manager, {
        tenantId: hall.id,
        terminalId: null,
        terminalEventId: null,
        userId: input.staffId,
        at: input.at,
        direction: input.direction,
        enteredBy: actor.userId,
        reason,
      });
      await this.audit.record(manager, {
        tenantId: hall.id,
        actorId: actor.userId,
        action: 'ATTENDANCE_ENTERED',
        subjectId: id,
        details: { staffId: input.staffId, direction: input.direction },
      });
      return { id, staffId: input.staffId, at: input.at, direction: input.direction };
    });
  }

  // ── the month's sheet ──

  /** The month's sheet of a tenant (the actor's own by default): the rows the actor may read. */
  month(tenantId: string | null, month: string): Promise<AttendanceMonthView> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    const span = monthOrThrow(month);
    return this.scope.run(async (manager) => {
      const hall = await this.tenants.require(manager, tenantId ?? actor.tenant.id);
      const staff = (await this.attendance.staffOf(manager, hall.id)).filter(({ userId }) =>
        ability.can('read', this.record(hall, userId)),
      );
      if (!ability.can('read', this.record(hall, actor.userId)) && staff.length === 0) {
        throw new ForbiddenError('You may not read the attendance here');
      }
      const { calendar, hours } = await this.calendars.forNode(manager, hall);
      const events = await this.attendance.eventsBetween(
        manager,
        hall.id,
        new Date(beijingMidnightMs(span.first)),
        new Date(beijingMidnightMs(span.last + 1)),
      );
      const now = this.clock.now();
      try {
        const rows = staff.map(({ userId, name }) => ({
          staffId: userId,
          staffName: name,
          ...monthSummary(
            calendar,
            hours,
            span,
            events.filter((e) => e.userId === userId),
            now,
          ),
        }));
        return {
          tenantId: hall.id,
          tenantName: hall.name,
          month: span.month,
          workingDays: workingDaysOf(calendar, span, beijingDayNumber(now)).length,
          rows,
        };
      } catch (error) {
        if (!(error instanceof CalendarYearUnknownError)) throw error;
        throw new ConflictError('No holiday schedule is known for this year', {
          reason: 'CALENDAR_YEAR_UNKNOWN',
        });
      }
    });
  }

  /** The month's sheet as an XLSX file (base64), the rows the actor may read. */
  async exportMonth(tenantId: string | null, month: string): Promise<string> {
    const sheet = await this.month(tenantId, month);
    return (await writeAttendanceWorkbook(sheet)).toString('base64');
  }

  private record(hall: TenantNode | { id: string; path: string[] }, staffId?: string) {
    return subject('Attendance', {
      tenantId: hall.id,
      tenantPath: hall.path,
      ...(staffId ? { staffId } : {}),
    });
  }

  private async presentTerminals(
    manager: EntityManager,
    rows: TerminalRow[],
  ): Promise<TerminalView[]> {
    const names = await this.users.displayNames(
      manager,
      rows.map((row) => row.registeredBy),
    );
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenantId,
      label: row.label,
      registeredByName: names.get(row.registeredBy) ?? '',
      registeredAt: row.registeredAt,
      revokedAt: row.revokedAt,
      lastSeenAt: row.lastSeenAt,
    }));
  }
}
