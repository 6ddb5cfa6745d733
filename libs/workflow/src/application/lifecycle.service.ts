import { Injectable } from '@nestjs/common';
import {
  abilityFor,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RequestContext,
  subject,
  TenantScope,
} from '@tongban/core';
import { IntakeMenu, type Material, MaterialForm } from '@tongban/catalog';
import { ServiceWindowPort, TenantDirectory, UserDirectory } from '@tongban/tenancy';
import { EntityManager } from 'typeorm';
import { clockDeadlines, dueAt } from '../lifecycle/application-clock';
import { supplementNotice } from '../lifecycle/supplement-notice';
import {
  ApplicationAction,
  mayExtend,
  PauseKind,
  REASON_REQUIRED,
  SUSPENDING_PROCEDURES,
  transitionTarget,
} from '../lifecycle/transitions';
import { ApplicationClocks } from './application-clocks';
import { ApplicationStatus } from '../lifecycle/application-status';
import { ApplicationService, type ApplicationView } from './application.service';
import { ApplicationFacts } from './application-facts';
import { type ChainLink, ProxyIntake } from './proxy-intake';
import {
  type ActingRow,
  clockPauses,
  LifecycleRepository,
  type PauseRecord,
} from './lifecycle.repository';

/** What an act carries besides the application it acts on. */
export interface ActInput {
  /** The version the actor saw: another act since then makes this one a CONFLICT. */
  version: number;
  reason?: string | null;
  /** REQUEST_SUPPLEMENT: the item's materials that are missing (the one-time notification). */
  missingMaterials?: string[] | null;
  /** SUSPEND: the procedure the statute excludes from the time limit. */
  procedure?: PauseKind | null;
  /** FORWARD: the center above to forward to (none: the nearest that handles the item). */
  toTenantId?: string | null;
}

/**
 * The state machine of applications (DESIGN.md §4.3) as people act on it: each act one
 * transaction that locks the application, checks who acts and the version they saw, moves it
 * as `lifecycle/transitions.ts` allows, recomputes its deadlines (§4.2) and records the event
 * (who, when, from, to, why). An act the state does not allow is a CONFLICT that changes
 * nothing.
 */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly lifecycle: LifecycleRepository,
    private readonly applications: ApplicationService,
    private readonly tenants: TenantDirectory,
    private readonly windows: ServiceWindowPort,
    private readonly clocks: ApplicationClocks,
    private readonly menu: IntakeMenu,
    private readonly users: UserDirectory,
    private readonly proxy: ProxyIntake,
    private readonly facts: ApplicationFacts,
  ) {}

  act(id: string, action: ApplicationAction, input: ActInput): Promise<ApplicationView> {
    const reason = input.reason?.trim() || null;
    if (REASON_REQUIRED.has(action) && !reason) {
      throw new BadUserInputError('A reason is required', {
        problems: [{ field: 'reason', code: 'REASON_REQUIRED', problem: 'Say why' }],
      });
    }
    if (action === ApplicationAction.SUSPEND) {
      const procedure = input.procedure ?? null;
      if (!procedure || !(SUSPENDING_PROCEDURES as readonly string[]).includes(procedure)) {
        throw new BadUserInputError('Name the procedure the statute excludes from the time limit', {
          problems: [{ field: 'procedure', code: 'PROCEDURE_REQUIRED', problem: 'Name it' }],
        });
      }
    }
    return this.scope.run(async (manager) => {
      const row = await this.lockForAct(manager, id, input.version, 'update');
      const pauses = await this.lifecycle.pauses(manager, row.tenantId, row.id);
      const open = pauses.find((pause) => pause.endedAt === null) ?? null;
      const onTheSpot = row.itemVersionId !== null && row.promisedDays === null;
      const to = transitionTarget(row.status, action, {
        onTheSpot,
        intakeOnly: row.itemHandling === 'INTAKE_ONLY',
        openPause: open?.kind ?? null,
      });
      if (!to) {
        throw new ConflictError(`An application ${row.status} cannot take ${action}`, {
          reason: 'ILLEGAL_TRANSITION',
          status: row.status,
          action,
        });
      }
      const now = this.clocks.now();
      let details: Record<string, unknown> | null = null;
      let acceptedAt = row.acceptedAt;
      const change: { decidedAt?: Date; completedAt?: Date } = {};

      switch (action) {
        case ApplicationAction.ACCEPT:
          acceptedAt = now;
          break;
        case ApplicationAction.REQUEST_SUPPLEMENT: {
          const listed = await this.menu.materialsFor(manager, row.tenantId, row.itemCode);
          // An item off the center's list (taken in as free text before the catalogue): the
          // materials are named at the window, as originals.
          const materials =
            listed ??
            (input.missingMaterials ?? []).map((name) => ({
              name,
              form: MaterialForm.ORIGINAL,
              copies: 1,
              required: true,
              notes: null,
            }));
          const notice = supplementNotice(materials, input.missingMaterials ?? []);
          if (notice.problems.length) {
            throw new BadUserInputError(
              notice.problems.map((p) => `${p.field}: ${p.problem}`).join('; '),
              {
                problems: notice.problems,
              },
            );
          }
          details = { missingMaterials: notice.missing, note: reason };
          // After acceptance the clock stops until the materials come in.
          if (to === ApplicationStatus.SUSPENDED) {
            await this.lifecycle.startPause(manager, row, {
              kind: PauseKind.SUPPLEMENT,
              reason,
              at: now,
            });
            pauses.push({
              id: '',
              kind: PauseKind.SUPPLEMENT,
              reason,
              startedAt: now,
              endedAt: null,
            });
          }
          break;
        }
        case ApplicationAction.SUSPEND:
          details = { procedure: input.procedure };
          await this.lifecycle.startPause(manager, row, {
            kind: input.procedure!,
            reason,
            at: now,
          });
          pauses.push({ id: '', kind: input.procedure!, reason, startedAt: now, endedAt: null });
          break;
        case ApplicationAction.RECEIVE_SUPPLEMENT:
        case ApplicationAction.RESUME:
        case ApplicationAction.WITHDRAW:
          if (open) {
            await this.lifecycle.endPause(manager, row, now);
            open.endedAt = now;
          }
          break;
        case ApplicationAction.APPROVE:
        case ApplicationAction.DENY:
          change.decidedAt = now;
          break;
        case ApplicationAction.COMPLETE:
          change.completedAt = now;
          break;
        case ApplicationAction.COMPLETE_ON_THE_SPOT:
          acceptedAt = now;
          change.decidedAt = now;
          change.completedAt = now;
          break;
        case ApplicationAction.FORWARD: {
          const handler = await this.proxy.forward(manager, row, input.toTenantId ?? null, now);
          details = { toTenantId: handler.tenantId, toTenantName: handler.tenantName };
          break;
        }
        case ApplicationAction.HAND_BACK:
          // The handover to the applicant: the case ends at the station.
          change.completedAt = now;
          break;
        default:
          break;
      }
      await this.write(manager, row, {
        to,
        acceptedAt,
        pauses: clockPauses(pauses),
        extensionDays: row.extensionDays,
        now,
        ...change,
      });
      await this.lifecycle.recordEvent(manager, {
        tenantId: row.tenantId,
        applicationId: row.id,
        from: row.status,
        to,
        actorId: this.context.actor.userId,
        reason,
        details: { action, ...details },
        at: now,
      });
      // 代办: a forwarded case's station follows what its handler did.
      await this.proxy.followAlong(manager, row, to, this.context.actor.userId, now);
      await this.facts.record(manager, row.tenantId, row.id);
      return this.applications.readIn(manager, row.id);
    });
  }

  /** 代办: the other end of the chain of an application the reader has been shown. */
  chain(application: ApplicationView, end: 'to' | 'from'): Promise<ChainLink | null> {
    return this.scope.run((manager) =>
      this.proxy.link(manager, end === 'to' ? application.forwardedTo : application.forwardedFrom),
    );
  }

  /** 代办: where the reader could forward the application now (empty when it cannot be). */
  forwardTargets(
    application: ApplicationView,
  ): Promise<{ tenantId: string; tenantName: string }[]> {
    if (!application.actions.includes(ApplicationAction.FORWARD)) return Promise.resolve([]);
    return this.scope.run(async (manager) =>
      this.proxy.targets(
        manager,
        await this.tenants.require(manager, application.tenantId),
        application.itemCode,
      ),
    );
  }

  /** 延期: asked for with a reason; it counts once a manager approves it. */
  requestExtension(
    id: string,
    input: { version: number; workingDays: number; reason: string },
  ): Promise<ApplicationView> {
    const reason = input.reason.trim();
    if (!reason) {
      throw new BadUserInputError('A reason is required', {
        problems: [{ field: 'reason', code: 'REASON_REQUIRED', problem: 'Say why' }],
      });
    }
    return this.scope.run(async (manager) => {
      const row = await this.lockForAct(manager, id, input.version, 'update');
      if (!mayExtend(row.status)) {
        throw new ConflictError(`An application ${row.status} cannot be extended`, {
          reason: 'ILLEGAL_TRANSITION',
          status: row.status,
        });
      }
      if (await this.lifecycle.hasPendingExtension(manager, row)) {
        throw new ConflictError('An extension already waits for a decision', {
          reason: 'EXTENSION_PENDING',
        });
      }
      const now = this.clocks.now();
      const extensionId = await this.lifecycle.requestExtension(manager, row, {
        workingDays: input.workingDays,
        reason,
        requestedBy: this.context.actor.userId,
        at: now,
      });
      await this.bumpVersion(manager, row, now);
      await this.lifecycle.recordEvent(manager, {
        tenantId: row.tenantId,
        applicationId: row.id,
        from: row.status,
        to: row.status,
        actorId: this.context.actor.userId,
        reason,
        details: { action: 'REQUEST_EXTENSION', extensionId, workingDays: input.workingDays },
        at: now,
      });
      await this.facts.record(manager, row.tenantId, row.id);
      return this.applications.readIn(manager, row.id);
    });
  }

  /** A manager approves or refuses an extension; approved, its days move both deadlines. */
  decideExtension(
    extensionId: string,
    input: { approve: boolean; note: string | null },
  ): Promise<ApplicationView> {
    const note = input.note?.trim() || null;
    return this.scope.run(async (manager) => {
      const seen = await this.lifecycle.extension(manager, extensionId);
      if (!seen) throw new NotFoundError('Extension not found');
      // Locks in one order: the application, then the extension.
      const row = await this.lockForAct(manager, seen.applicationId, null, 'approve');
      const extension = await this.lifecycle.lockExtension(manager, row.tenantId, extensionId);
      if (!extension || extension.status !== 'PENDING') {
        throw new ConflictError('This extension has been decided already', {
          reason: 'EXTENSION_DECIDED',
        });
      }
      if (input.approve && !mayExtend(row.status)) {
        throw new ConflictError(`An application ${row.status} cannot be extended`, {
          reason: 'ILLEGAL_TRANSITION',
          status: row.status,
        });
      }
      const now = this.clocks.now();
      await this.lifecycle.decideExtension(manager, extension, {
        approved: input.approve,
        decidedBy: this.context.actor.userId,
        note,
        at: now,
      });
      const pauses = await this.lifecycle.pauses(manager, row.tenantId, row.id);
      await this.write(manager, row, {
        to: row.status,
        acceptedAt: row.acceptedAt,
        pauses: clockPauses(pauses),
        extensionDays: row.extensionDays + (input.approve ? extension.workingDays : 0),
        now,
      });
      await this.lifecycle.recordEvent(manager, {
        tenantId: row.tenantId,
        applicationId: row.id,
        from: row.status,
        to: row.status,
        actorId: this.context.actor.userId,
        reason: note,
        details: {
          action: input.approve ? 'APPROVE_EXTENSION' : 'REFUSE_EXTENSION',
          extensionId,
          workingDays: extension.workingDays,
        },
        at: now,
      });
      await this.facts.record(manager, row.tenantId, row.id);
      return this.applications.readIn(manager, row.id);
    });
  }

  /**
   * The application locked for an act: NOT_FOUND out of sight, FORBIDDEN when the actor may
   * read but not act, CONFLICT when it changed since the version they saw (null: no check).
   */
  private async lockForAct(
    manager: EntityManager,
    id: string,
    version: number | null,
    action: 'update' | 'approve',
  ): Promise<ActingRow> {
    const ability = abilityFor(this.context.actor);
    const row = await this.lifecycle.lock(manager, id);
    const tenant = row && (await this.tenants.requireEach(manager, [row.tenantId]))[0];
    const window = row && (await this.windows.findEach(manager, [row.windowId])).get(row.windowId);
    if (!row || !tenant || tenant instanceof Error || !window) {
      throw new NotFoundError('Application not found');
    }
    const record = subject('Application', {
      id: row.id,
      tenantId: row.tenantId,
      tenantPath: tenant.path,
      windowStaffIds: window.staffIds,
    });
    if (!ability.can('read', record)) throw new NotFoundError('Application not found');
    if (!ability.can(action, record)) {
      throw new ForbiddenError(
        action === 'approve'
          ? 'Only a manager of the center approves extensions'
          : 'You may not act on this application',
      );
    }
    if (version !== null && row.version !== version) {
      throw new ConflictError('Someone acted on this application since you read it', {
        reason: 'STALE_VERSION',
        version: row.version,
      });
    }
    return row;
  }

  /** The new state with its deadlines recomputed from the facts. */
  private async write(
    manager: EntityManager,
    row: ActingRow,
    change: {
      to: ApplicationStatus;
      acceptedAt: Date | null;
      pauses: ReturnType<typeof clockPauses>;
      extensionDays: number;
      now: Date;
      decidedAt?: Date;
      completedAt?: Date;
    },
  ): Promise<void> {
    const calendar = await this.clocks.calendarsOf(manager, [row.tenantId]);
    const deadlines = clockDeadlines(calendar.get(row.tenantId)!, {
      submittedAt: row.submittedAt,
      acceptedAt: change.acceptedAt,
      promisedDays: row.promisedDays,
      statutoryDays: row.statutoryDays,
      pauses: change.pauses,
      extensionDays: change.extensionDays,
    });
    await this.lifecycle.update(manager, row, {
      status: change.to,
      acceptedAt: change.acceptedAt,
      extensionDays: change.extensionDays,
      deadlines,
      dueAt: dueAt(change.to, deadlines),
      decidedAt: change.decidedAt,
      completedAt: change.completedAt,
    });
  }

  /** An extension request changes what others saw: their next act must read it first. */
  private async bumpVersion(manager: EntityManager, row: ActingRow, now: Date): Promise<void> {
    const pauses = await this.lifecycle.pauses(manager, row.tenantId, row.id);
    await this.write(manager, row, {
      to: row.status,
      acceptedAt: row.acceptedAt,
      pauses: clockPauses(pauses),
      extensionDays: row.extensionDays,
      now,
    });
  }

  /** The timeline of an application the reader has already been shown (names added). */
  timeline(application: ApplicationView): Promise<TimelineEvent[]> {
    return this.scope.run(async (manager) => {
      const events = await this.lifecycle.events(manager, application.tenantId, application.id);
      const names = await this.users.displayNames(
        manager,
        events.flatMap((event) => (event.actorId ? [event.actorId] : [])),
      );
      return events.map((event) => {
        const details = event.details ?? {};
        return {
          id: event.id,
          fromStatus: event.fromStatus,
          toStatus: event.toStatus,
          action: typeof details.action === 'string' ? details.action : 'SUBMIT',
          actorName: (event.actorId && names.get(event.actorId)) || '',
          reason: event.reason,
          missingMaterials: (details.missingMaterials as Material[] | undefined) ?? null,
          procedure: (details.procedure as PauseKind | undefined) ?? null,
          extensionWorkingDays: (details.workingDays as number | undefined) ?? null,
          occurredAt: event.occurredAt,
        };
      });
    });
  }

  itemMaterials(application: ApplicationView): Promise<Material[] | null> {
    return this.scope.run((manager) =>
      this.menu.materialsFor(manager, application.tenantId, application.itemCode),
    );
  }

  pauses(application: ApplicationView): Promise<PauseRecord[]> {
    return this.scope.run((manager) =>
      this.lifecycle.pauses(manager, application.tenantId, application.id),
    );
  }

  extensions(application: ApplicationView): Promise<ExtensionView[]> {
    return this.scope.run(async (manager) => {
      const rows = await this.lifecycle.extensions(manager, application.tenantId, application.id);
      const names = await this.users.displayNames(
        manager,
        rows.flatMap((row) => [row.requestedBy, ...(row.decidedBy ? [row.decidedBy] : [])]),
      );
      return rows.map((row) => ({
        id: row.id,
        workingDays: row.workingDays,
        reason: row.reason,
        status: row.status,
        requestedByName: names.get(row.requestedBy) ?? '',
        requestedAt: row.requestedAt,
        decidedByName: row.decidedBy ? (names.get(row.decidedBy) ?? '') : null,
        decidedAt: row.decidedAt,
        decisionNote: row.decisionNote,
      }));
    });
  }
}

export interface TimelineEvent {
  id: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  action: string;
  actorName: string;
  reason: string | null;
  missingMaterials: Material[] | null;
  procedure: PauseKind | null;
  extensionWorkingDays: number | null;
  occurredAt: Date;
}

export interface ExtensionView {
  id: string;
  workingDays: number;
  reason: string;
  status: string;
  requestedByName: string;
  requestedAt: Date;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}
