import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  TenantScope,
  TenantStatus,
  type TenantNode,
} from '@tongban/core';
import { IntakeMenu } from '@tongban/catalog';
import {
  ServiceWindowPort,
  takesInApplications,
  TenantDirectory,
  type TenantRecord,
} from '@tongban/tenancy';
import { EntityManager } from 'typeorm';
import { clockDeadlines } from '../lifecycle/application-clock';
import { ApplicationStatus } from '../lifecycle/application-status';
import {
  chooseHandler,
  ForwardRefusal,
  type HandlerCandidate,
  originStatusAfter,
} from '../lifecycle/proxy-chain';
import { ApplicationAction } from '../lifecycle/transitions';
import { WorkingCalendars } from '../calendar-store/working-calendars';
import { ApplicationFacts } from './application-facts';
import { ApplicationRepository, type ChainEnd } from './application.repository';
import { type ActingRow, LifecycleRepository } from './lifecycle.repository';

/** The other end of a proxy chain as either end is shown it. */
export interface ChainLink {
  tenantId: string;
  tenantName: string;
  applicationId: string;
  receiptNumber: string;
  status: ApplicationStatus;
  submittedAt: Date;
  acceptedAt: Date | null;
  promisedDeadline: Date | null;
  statutoryDeadline: Date | null;
  dueAt: Date | null;
  decidedAt: Date | null;
  completedAt: Date | null;
}

/**
 * Village proxy intake (代办, DESIGN.md §4.3): a station (or a township) forwards an item it may
 * only take in to the center above that handles it, and the handler's progress comes back
 * along the chain. Each side's row stays under its own tenant's row-level security: the few
 * writes and reads at the other end cross into that tenant alone (TenantScope.across), by the
 * ids the chain records, after the act has been checked here.
 */
@Injectable()
export class ProxyIntake {
  constructor(
    private readonly scope: TenantScope,
    private readonly applications: ApplicationRepository,
    private readonly lifecycle: LifecycleRepository,
    private readonly tenants: TenantDirectory,
    private readonly windows: ServiceWindowPort,
    private readonly menu: IntakeMenu,
    private readonly calendars: WorkingCalendars,
    private readonly facts: ApplicationFacts,
  ) {}

  /** The centers above `origin` that could take the item now, nearest first. */
  async targets(
    manager: EntityManager,
    origin: TenantNode,
    itemCode: string,
  ): Promise<{ tenantId: string; tenantName: string }[]> {
    const candidates = await this.candidates(manager, origin, itemCode);
    return candidates.flatMap(({ candidate, tenant }) =>
      candidate.handles && candidate.active
        ? [{ tenantId: tenant.id, tenantName: tenant.name }]
        : [],
    );
  }

  /**
   * Forwards the origin's row (locked and checked by the caller: SUBMITTED, intake-only here)
   * to the handler: the named center, or the nearest above that handles the item. The handler
   * takes it in with the origin's receipt number; the origin's row names it. Returns the
   * handler, for the origin's event.
   */
  async forward(
    manager: EntityManager,
    row: ActingRow,
    requested: string | null,
    at: Date,
  ): Promise<{ tenantId: string; tenantName: string; applicationId: string }> {
    const origin = await this.tenants.require(manager, row.tenantId);
    const candidates = await this.candidates(manager, origin, row.itemCode);
    const chosen = chooseHandler(
      candidates.map((c) => c.candidate),
      requested,
    );
    if (typeof chosen === 'string') throw forwardError(chosen, row.itemCode);
    const handler = candidates.find((c) => c.tenant.id === chosen.tenantId)!.tenant;
    const item = await this.menu.itemFor(manager, handler, row.itemCode, true);
    if (typeof item === 'string') throw forwardError(ForwardRefusal.CANNOT_HANDLE, row.itemCode);
    const listed = await this.menu.windowsFor(manager, handler.id, row.itemCode);
    const calendar = await this.calendars.forNode(manager, handler);
    const { acceptanceDueAt, provisional } = clockDeadlines(calendar, {
      submittedAt: at,
      acceptedAt: null,
      promisedDays: null,
      statutoryDays: null,
      pauses: [],
      extensionDays: 0,
    });
    const applicant = await this.lifecycle.applicantOf(manager, row);
    const created = await this.scope.across(manager, handler.id, async () => {
      const open = (await this.windows.listOf(manager, [handler.id])).filter(
        (window) => takesInApplications(window.kind) && !window.disabled,
      );
      // The window the list names for the item, else the hall's first window taking things in.
      const window = open.find((w) => listed.includes(w.id)) ?? open[0];
      if (!window) {
        throw new ConflictError(`${handler.name} has no window open for applications`, {
          reason: 'HANDLER_HAS_NO_WINDOW',
        });
      }
      const taken = await this.applications.recordIntake(manager, {
        hall: {
          tenantId: handler.id,
          receiptPrefix: handler.receiptPrefix,
          divisionCode: handler.divisionCode,
        },
        windowId: window.id,
        item,
        applicant,
        submittedBy: row.submittedBy,
        at,
        acceptanceDueAt,
        provisional,
        forwardedFrom: { tenantId: row.tenantId, id: row.id, receiptNumber: row.receiptNumber },
      });
      await this.facts.record(manager, handler.id, taken.id);
      return taken;
    });
    await this.lifecycle.linkForwarded(manager, row, { tenantId: handler.id, id: created.id });
    return { tenantId: handler.id, tenantName: handler.name, applicationId: created.id };
  }

  /**
   * After an act on a handler's row (`row`, locked first: locks go handler, then origin),
   * the origin's row follows: its chain status always, its own status once the handler has
   * finished (the result waits at the station) or the applicant withdrew. One event at the
   * origin for such a step, by the same actor.
   */
  async followAlong(
    manager: EntityManager,
    row: ActingRow,
    to: ApplicationStatus,
    actorId: string,
    at: Date,
  ): Promise<void> {
    if (!row.forwardedFromTenantId || !row.forwardedFromId) return;
    const origin: ChainEnd = { tenantId: row.forwardedFromTenantId, id: row.forwardedFromId };
    const next = originStatusAfter(to);
    await this.scope.across(manager, origin.tenantId, async () => {
      const before = await this.lifecycle.followHandler(manager, origin, {
        chainStatus: to,
        status: next,
      });
      if (next && before && before !== next) {
        await this.lifecycle.recordEvent(manager, {
          tenantId: origin.tenantId,
          applicationId: origin.id,
          from: before,
          to: next,
          actorId,
          reason: null,
          details: {
            action:
              next === ApplicationStatus.WITHDRAWN ? ApplicationAction.WITHDRAW : 'RESULT_RETURNED',
            handlerStatus: to,
          },
          at,
        });
      }
      await this.facts.record(manager, origin.tenantId, origin.id);
    });
  }

  /** The other end of the chain of an application the reader has been shown (none: null). */
  async link(manager: EntityManager, end: ChainEnd | null): Promise<ChainLink | null> {
    if (!end) return null;
    const names = await this.tenants.chainNames(manager, [end.tenantId]);
    const other = await this.scope.across(manager, end.tenantId, () =>
      this.applications.find(manager, end.id),
    );
    if (!other || other.tenantId !== end.tenantId) return null;
    return {
      tenantId: other.tenantId,
      tenantName: names.get(other.tenantId) ?? '',
      applicationId: other.id,
      receiptNumber: other.receiptNumber,
      status: other.status,
      submittedAt: other.submittedAt,
      acceptedAt: other.acceptedAt,
      promisedDeadline: other.promisedDeadline,
      statutoryDeadline: other.statutoryDeadline,
      dueAt: other.dueAt,
      decidedAt: other.decidedAt,
      completedAt: other.completedAt,
    };
  }

  /** The centers above, nearest first, with whether each takes the item now. */
  private async candidates(
    manager: EntityManager,
    origin: TenantNode,
    itemCode: string,
  ): Promise<{ candidate: HandlerCandidate; tenant: TenantRecord }[]> {
    const above = await this.tenants.ancestorsOf(manager, origin);
    const found: { candidate: HandlerCandidate; tenant: TenantRecord }[] = [];
    for (const tenant of above) {
      // The list above is readable from below (ancestor-published catalogue material).
      const item = await this.menu.itemFor(manager, tenant, itemCode, true);
      found.push({
        tenant,
        candidate: {
          tenantId: tenant.id,
          handles: typeof item !== 'string',
          active: tenant.status === TenantStatus.ACTIVE,
        },
      });
    }
    return found;
  }
}

/** Each refusal with its own code; a center the origin cannot see is NOT_FOUND, as anywhere. */
function forwardError(refusal: ForwardRefusal, code: string): Error {
  const problem = (text: string) => ({
    problems: [{ field: 'toTenantId', code: refusal, problem: text }],
  });
  switch (refusal) {
    case ForwardRefusal.NOT_ABOVE:
      return new NotFoundError('Tenant not found');
    case ForwardRefusal.CANNOT_HANDLE:
      return new BadUserInputError(
        `That center does not handle item ${code}`,
        problem('Does not handle this item'),
      );
    case ForwardRefusal.NOT_ACTIVE:
      return new ConflictError('That center is not open for applications', {
        reason: refusal,
      });
    case ForwardRefusal.NO_HANDLER:
      return new ConflictError(`No center above handles item ${code}`, { reason: refusal });
  }
}
