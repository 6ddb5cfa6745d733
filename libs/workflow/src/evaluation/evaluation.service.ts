import { Inject, Injectable } from '@nestjs/common';
import {
  abilityFor,
  accessibleWhere,
  AuditRepository,
  BadUserInputError,
  beijingDay,
  Clock,
  ConflictError,
  ForbiddenError,
  isUuid,
  NotFoundError,
  type Page,
  pageOf,
  RequestContext,
  Role,
  subject,
  type TenantNode,
  TenantScope,
  type TongbanAbility,
} from '@tongban/core';
import {
  IDENTITY_OPTIONS,
  type IdentityOptions,
  type LoginThrottle,
  ServiceWindowPort,
  TenantDirectory,
  UserDirectory,
} from '@tongban/tenancy';
import { EntityManager } from 'typeorm';
import { WorkingCalendars } from '../calendar-store/working-calendars';
import { ApplicationFacts } from '../application/application-facts';
import { NotificationChannel } from '../notification/outbox';
import { NotificationRepository } from '../notification/notification.repository';
import { defaultRatingCutoff, ratedStages } from './default-rating';
import { SupervisionSettingsPort } from '../supervision/supervision-settings.port';
import { issueEvaluationToken, parseEvaluationToken, secretMatches } from './evaluation-token';
import {
  type DeviceRow,
  EvaluationRepository,
  type RatedApplication,
  type RectificationConditions,
  type RectificationRow,
} from './evaluation.repository';
import {
  EvaluationChannel,
  EvaluationStage,
  isBadReview,
  isRating,
  nationalSatisfactionCode,
  type Rating,
} from './rating';
import {
  AppealDecision,
  afterAppeal,
  appealRefusal,
  callbackRefusal,
  closeRefusal,
  rectificationDue,
  type RectificationRefusal,
  RectificationStatus,
} from './rectification';

/** A device rates the application completed last at its window within this many minutes. */
export const JUST_COMPLETED_MINUTES = 30;

export interface DeviceView {
  id: string;
  tenantId: string;
  windowId: string;
  windowName: string;
  label: string;
  registeredByName: string;
  registeredAt: Date;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
}

/** What a rater is told back: what was recorded, and whether it opened a rectification. */
export interface RatingReceiptView {
  stage: EvaluationStage;
  rating: number;
  ratedAt: Date;
  badReview: boolean;
}

export interface RectificationView {
  id: string;
  tenantId: string;
  tenantName: string;
  applicationId: string;
  receiptNumber: string;
  itemName: string;
  windowId: string;
  windowName: string;
  staffName: string | null;
  rating: number;
  nationalSatisfactionCode: number;
  channel: EvaluationChannel;
  ratedAt: Date;
  openedAt: Date;
  dueAt: Date;
  status: RectificationStatus;
  outcome: string | null;
  closedByName: string | null;
  closedAt: Date | null;
  mayUpdate: boolean;
  mayAppeal: boolean;
  mayDecide: boolean;
}

export interface RectificationDetailView extends RectificationView {
  callbacks: {
    id: string;
    callerName: string;
    calledAt: Date;
    agreed: string;
    recordedByName: string;
    recordedAt: Date;
  }[];
  appeals: {
    id: string;
    appellantName: string;
    reason: string;
    filedAt: Date;
    status: string;
    decidedByName: string | null;
    decidedAt: Date | null;
    decisionNote: string | null;
  }[];
}

const REFUSALS: Record<RectificationRefusal, string> = {
  NOT_OPEN: 'This rectification case is not open',
  NO_CALLBACK: 'Record a callback to the rater before closing the case',
  NOT_APPEALED: 'This rectification case has no appeal to decide',
  CALLED_IN_FUTURE: 'A callback cannot be recorded as made in the future',
  CALLED_BEFORE_REVIEW: 'A callback cannot be made before the review',
};

function refused(refusal: RectificationRefusal): Error {
  if (refusal === 'CALLED_IN_FUTURE' || refusal === 'CALLED_BEFORE_REVIEW') {
    return new BadUserInputError(REFUSALS[refusal], { reason: refusal });
  }
  return new ConflictError(REFUSALS[refusal], { reason: refusal });
}

/** A text the person must give: trimmed, 1–`max` characters. */
function requiredText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (text.length === 0 || [...text].length > max) {
    throw new BadUserInputError(`${field}: 1–${max} characters`, {
      problems: [{ field, code: text.length === 0 ? 'REQUIRED' : 'TOO_LONG' }],
    });
  }
  return text;
}

function ratingOrThrow(value: number): Rating {
  if (!isRating(value)) {
    throw new BadUserInputError('A rating is a whole number from 1 to 5', {
      reason: 'RATING_OUT_OF_RANGE',
    });
  }
  return value;
}

/**
 * 好差评 and 差评整改 (DESIGN.md §4.4): ratings from a window's device and from single-use links,
 * each bad review opening a rectification case in the same transaction; the manager's callbacks
 * and close; the staff member's appeal and the supervisor's decision.
 */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly evaluations: EvaluationRepository,
    private readonly tenants: TenantDirectory,
    private readonly windows: ServiceWindowPort,
    private readonly users: UserDirectory,
    private readonly settings: SupervisionSettingsPort,
    private readonly calendars: WorkingCalendars,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    private readonly notifications: NotificationRepository,
    private readonly facts: ApplicationFacts,
    @Inject(IDENTITY_OPTIONS) identity: IdentityOptions,
  ) {
    this.tokens = identity.tokenThrottle;
  }

  /** Attempts at device and link tokens, per token and per address. */
  private readonly tokens: LoginThrottle;

  /**
   * A public token's check: the attempt is counted (per token and per client address) before
   * the database is read, refused once either is over its limit; `proven`, called once the
   * secret has matched, gives the address its attempt back. An outage gives it back too.
   */
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

  // ── devices ──

  /** Registers a window's evaluation device; its token is given back this once. */
  registerDevice(input: {
    windowId: string;
    label: string;
  }): Promise<{ device: DeviceView; token: string }> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    const label = requiredText('label', input.label, 100);
    return this.scope.run(async (manager) => {
      const window = await this.windows.find(manager, input.windowId);
      const owned = window && { tenantId: window.tenantId, tenantPath: window.tenantPath };
      if (!window || !owned || !ability.can('read', subject('ServiceWindow', owned))) {
        throw new NotFoundError('Window not found');
      }
      if (!ability.can('create', subject('EvaluationDevice', owned))) {
        throw new ForbiddenError('You may not register evaluation devices here');
      }
      if (window.disabled) throw new ConflictError('This window is disabled');
      const { id, token, hash } = issueEvaluationToken(window.tenantId);
      await this.evaluations.insertDevice(manager, {
        id,
        tenantId: window.tenantId,
        windowId: window.id,
        label,
        tokenHash: hash,
        registeredBy: actor.userId,
      });
      await this.audit.record(manager, {
        tenantId: window.tenantId,
        actorId: actor.userId,
        action: 'EVALUATION_DEVICE_REGISTERED',
        subjectId: id,
        details: { windowId: window.id, label },
      });
      const [device] = await this.presentDevices(manager, ability, [
        (await this.evaluations.device(manager, id))!,
      ]);
      return { device, token };
    });
  }

  /** A revoked device rates nothing more; the row stays as the record. */
  revokeDevice(id: string): Promise<DeviceView> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    return this.scope.run(async (manager) => {
      const row = await this.evaluations.device(manager, id, true);
      const window = row && (await this.windows.find(manager, row.windowId));
      const owned = window && { tenantId: window.tenantId, tenantPath: window.tenantPath };
      if (!row || !owned || !ability.can('read', subject('EvaluationDevice', owned))) {
        throw new NotFoundError('Evaluation device not found');
      }
      if (!ability.can('update', subject('EvaluationDevice', owned))) {
        throw new ForbiddenError('You may not revoke evaluation devices here');
      }
      if (row.revokedAt) throw new ConflictError('This device is already revoked');
      await this.evaluations.revokeDevice(manager, id, actor.userId, this.clock.now());
      await this.audit.record(manager, {
        tenantId: row.tenantId,
        actorId: actor.userId,
        action: 'EVALUATION_DEVICE_REVOKED',
        subjectId: id,
      });
      const [device] = await this.presentDevices(manager, ability, [
        (await this.evaluations.device(manager, id))!,
      ]);
      return device;
    });
  }

  /** The devices of a tenant's windows (the actor's own tenant by default). */
  devices(tenantId: string | null): Promise<DeviceView[]> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    return this.scope.run(async (manager) => {
      const hall = await this.tenants.require(manager, tenantId ?? actor.tenant.id);
      const windows = await this.windows.listOf(manager, [hall.id]);
      const rows = await this.evaluations.devicesOf(
        manager,
        windows.map((window) => window.id),
      );
      return this.presentDevices(manager, ability, rows);
    });
  }

  // ── ratings (public) ──

  /**
   * A window's device rates the application completed last at its window (or the one it
   * names, which must be that window's). Refused, changing nothing, for a token unknown or
   * revoked, an application of another window or tenant, one not completed, or one rated.
   */
  rateByDevice(
    input: {
      deviceToken: string;
      rating: number;
      applicationId?: string | null;
    },
    clientAddress: string,
  ): Promise<RatingReceiptView> {
    const rating = ratingOrThrow(input.rating);
    const parsed = parseEvaluationToken(input.deviceToken);
    if (!parsed) throw deviceRefused('DEVICE_UNKNOWN');
    if (input.applicationId != null && !isUuid(input.applicationId)) {
      throw new BadUserInputError('applicationId is not an id', { reason: 'BAD_ID' });
    }
    return this.withTokenAttempt(parsed.id, clientAddress, (proven) =>
      this.scope.runIn(
        { tenantId: parsed.tenantId, visibility: 'tenant', actorId: null },
        async (manager) => {
          const device = await this.evaluations.device(manager, parsed.id);
          if (!device || !secretMatches(parsed.secret, device.tokenHash)) {
            throw deviceRefused('DEVICE_UNKNOWN');
          }
          await proven();
          if (device.revokedAt) throw deviceRefused('DEVICE_REVOKED');
          const now = this.clock.now();
          let application: RatedApplication | undefined;
          if (input.applicationId) {
            application = await this.evaluations.application(manager, input.applicationId);
            // Another tenant's application is out of this scope: the same answer as another window's.
            if (!application || application.windowId !== device.windowId) {
              throw deviceRefused('NOT_THIS_WINDOW');
            }
          } else {
            const since = new Date(now.getTime() - JUST_COMPLETED_MINUTES * 60_000);
            application = await this.evaluations.lastCompletedAt(manager, device.windowId, since);
            if (!application) {
              throw new ConflictError('No application was just completed at this window', {
                reason: 'NOTHING_TO_RATE',
              });
            }
          }
          const receipt = await this.rate(manager, application, {
            stage: EvaluationStage.COMPLETION,
            rating,
            channel: EvaluationChannel.DEVICE,
            deviceId: device.id,
            linkId: null,
            at: now,
          });
          await this.evaluations.deviceSeen(manager, device.id, now);
          return receipt;
        },
      ),
    );
  }

  /** A single-use link rates the application (and stage) it was issued for. */
  rateByLink(
    input: { token: string; rating: number },
    clientAddress: string,
  ): Promise<RatingReceiptView> {
    const rating = ratingOrThrow(input.rating);
    const parsed = parseEvaluationToken(input.token);
    if (!parsed) throw linkRefused('LINK_INVALID');
    return this.withTokenAttempt(parsed.id, clientAddress, (proven) =>
      this.scope.runIn(
        { tenantId: parsed.tenantId, visibility: 'tenant', actorId: null },
        async (manager) => {
          const link = await this.evaluations.lockLink(manager, parsed.id);
          if (!link || !secretMatches(parsed.secret, link.tokenHash)) {
            throw linkRefused('LINK_INVALID');
          }
          await proven();
          if (link.usedAt) throw linkRefused('LINK_USED');
          const now = this.clock.now();
          if (link.expiresAt.getTime() <= now.getTime()) throw linkRefused('LINK_EXPIRED');
          const application = (await this.evaluations.application(manager, link.applicationId))!;
          const receipt = await this.rate(manager, application, {
            stage: link.stage,
            rating,
            channel: EvaluationChannel.LINK,
            deviceId: null,
            linkId: link.id,
            at: now,
          });
          await this.evaluations.useLink(manager, link.id, now);
          return receipt;
        },
      ),
    );
  }

  /** What the public rating page shows before a rating: the item, the hall, the stage. */
  linkInfo(
    token: string,
    clientAddress: string,
  ): Promise<{
    tenantName: string;
    itemName: string;
    stage: EvaluationStage;
    expiresAt: Date;
  }> {
    const parsed = parseEvaluationToken(token);
    if (!parsed) throw linkRefused('LINK_INVALID');
    return this.withTokenAttempt(parsed.id, clientAddress, (proven) =>
      this.scope.runIn(
        { tenantId: parsed.tenantId, visibility: 'tenant', actorId: null },
        async (manager) => {
          const link = await this.evaluations.lockLink(manager, parsed.id);
          if (!link || !secretMatches(parsed.secret, link.tokenHash)) {
            throw linkRefused('LINK_INVALID');
          }
          await proven();
          if (link.usedAt) throw linkRefused('LINK_USED');
          if (link.expiresAt.getTime() <= this.clock.now().getTime()) {
            throw linkRefused('LINK_EXPIRED');
          }
          const tenant = (await this.tenants.nodeOf(manager, link.tenantId))!;
          const itemName = await this.evaluations.itemNameOf(manager, link.applicationId);
          return {
            tenantName: tenant.name,
            itemName,
            stage: link.stage,
            expiresAt: link.expiresAt,
          };
        },
      ),
    );
  }

  /**
   * Issues a single-use rating link for an application the actor may act on: at completion
   * once it is completed, at acceptance (promised items, where the tenant rates twice) once
   * accepted. Expires after the tenant's default-rating days (after which the default applies).
   */
  issueLink(
    applicationId: string,
    stage: EvaluationStage,
  ): Promise<{ token: string; expiresAt: Date }> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    return this.scope.run(async (manager) => {
      const application = await this.evaluations.application(manager, applicationId);
      const window = application && (await this.windows.find(manager, application.windowId));
      const record =
        window &&
        subject('Application', {
          id: applicationId,
          tenantId: window.tenantId,
          tenantPath: window.tenantPath,
          windowStaffIds: window.staffIds,
        });
      if (!application || !record || !ability.can('read', record)) {
        throw new NotFoundError('Application not found');
      }
      if (!ability.can('update', record)) {
        throw new ForbiddenError('You may not act on this application');
      }
      const tenant = await this.tenants.require(manager, application.tenantId);
      const { settings } = await this.settings.effective(manager, tenant);
      stageOpenOrThrow(application, stage, settings.rateAtAcceptance);
      if (await this.evaluations.hasActiveRating(manager, application.id, stage)) {
        throw new ConflictError('This application is already rated', { reason: 'ALREADY_RATED' });
      }
      const now = this.clock.now();
      // Natural days: a link left unused past them gives way to the default rating.
      const expiresAt = new Date(now.getTime() + settings.defaultRatingAfterDays * 86_400_000);
      const { id, token, hash } = issueEvaluationToken(application.tenantId);
      await this.evaluations.insertLink(manager, {
        id,
        tenantId: application.tenantId,
        applicationId: application.id,
        stage,
        tokenHash: hash,
        issuedBy: actor.userId,
        issuedAt: now,
        expiresAt,
      });
      return { token, expiresAt };
    });
  }

  /** Records a rating; a bad one opens its rectification case in the same transaction. */
  private async rate(
    manager: EntityManager,
    application: RatedApplication,
    rating: {
      stage: EvaluationStage;
      rating: Rating;
      channel: EvaluationChannel;
      deviceId: string | null;
      linkId: string | null;
      at: Date;
    },
  ): Promise<RatingReceiptView> {
    const tenant = (await this.tenants.nodeOf(manager, application.tenantId))!;
    const { settings } = await this.settings.effective(manager, tenant);
    stageOpenOrThrow(application, rating.stage, settings.rateAtAcceptance);
    const recorded = await this.evaluations.insertEvaluation(manager, {
      tenantId: application.tenantId,
      applicationId: application.id,
      windowId: application.windowId,
      ...rating,
    });
    if (!recorded) {
      throw new ConflictError('This application is already rated', { reason: 'ALREADY_RATED' });
    }
    const bad = isBadReview(rating.rating);
    if (bad) {
      await this.openRectification(manager, tenant, application, {
        evaluationId: recorded.id,
        at: rating.at,
        workingDays: settings.rectificationWorkingDays,
      });
    }
    await this.facts.record(manager, application.tenantId, application.id);
    return {
      stage: rating.stage,
      rating: rating.rating,
      ratedAt: recorded.ratedAt,
      badReview: bad,
    };
  }

  private async openRectification(
    manager: EntityManager,
    tenant: TenantNode,
    application: RatedApplication,
    review: { evaluationId: string; at: Date; workingDays: number },
  ): Promise<void> {
    const calendar = await this.calendars.forNode(manager, tenant);
    const { dueAt } = rectificationDue(calendar, review.at, review.workingDays);
    const staffId = await this.evaluations.completedBy(manager, application.id);
    const caseId = await this.evaluations.openCase(manager, {
      tenantId: application.tenantId,
      evaluationId: review.evaluationId,
      applicationId: application.id,
      windowId: application.windowId,
      staffId,
      openedAt: review.at,
      dueAt,
    });
    // The staff member it concerns and the center's managers hear of it, in this transaction.
    const managers = await this.users.holdersOf(
      manager,
      [application.tenantId],
      Role.CENTER_MANAGER,
    );
    const recipients = new Set([
      ...(staffId ? [staffId] : []),
      ...managers.map((holder) => holder.userId),
    ]);
    await this.notifications.enqueue(
      manager,
      [...recipients].map((recipientId) => ({
        tenantId: application.tenantId,
        dedupeKey: `rectification:${caseId}`,
        recipientId,
        channel: NotificationChannel.INBOX,
        subject: `差评整改：${application.receiptNumber} ${application.itemName}`,
        body: `办件 ${application.receiptNumber}（${application.itemName}）收到差评，已立整改，请于 ${beijingDay(dueAt)} 前回访并整改。`,
      })),
    );
  }

  /**
   * 默认好评 for one tenant: its applications not rated within its default-rating days of
   * acceptance or completion get the default rating (channel DEFAULT), at most `limit` a
   * stage. For the supervision sweep, tenant by tenant; no actor (the tenant's own scope).
   * Running it twice, or twice at once, records each default once.
   */
  recordDefaultRatings(tenantId: string, limit = 1000): Promise<number> {
    return this.scope.runIn({ tenantId, visibility: 'tenant', actorId: null }, async (manager) => {
      const tenant = await this.tenants.nodeOf(manager, tenantId);
      if (!tenant) return 0;
      const { settings } = await this.settings.effective(manager, tenant);
      const now = this.clock.now();
      const before = defaultRatingCutoff(now, settings.defaultRatingAfterDays);
      let recorded = 0;
      for (const stage of ratedStages(settings)) {
        const rated = await this.evaluations.recordDefaultRatings(manager, {
          tenantId,
          stage,
          before,
          rating: settings.defaultRating as Rating,
          at: now,
          limit,
        });
        for (const applicationId of rated) {
          await this.facts.record(manager, tenantId, applicationId);
        }
        recorded += rated.length;
      }
      return recorded;
    });
  }

  // ── rectification ──

  /** Newest first, a page at a time; the role rules' conditions become the WHERE clause. */
  listCases(
    filter: { tenantId?: string | null; status?: RectificationStatus | null },
    first: number,
    after: string | null,
  ): Promise<Page<RectificationView>> {
    const ability = abilityFor(this.context.actor);
    const cursor = after === null ? null : decodeCursor(after);
    return this.scope.run(async (manager) => {
      const where: RectificationConditions = { conditions: [], params: [] };
      if (filter.tenantId) {
        await this.tenants.require(manager, filter.tenantId);
        where.params.push(filter.tenantId);
        where.conditions.push(
          this.tenants.subtreeCondition('r.tenant_id', `$${where.params.length}`),
        );
      }
      if (filter.status) {
        where.params.push(filter.status);
        where.conditions.push(`r.status = $${where.params.length}`);
      }
      const myWindows = await this.windows.assignedTo(manager, this.context.actor.userId);
      const allowed = accessibleWhere(
        ability,
        'read',
        'Rectification',
        {
          tenantId: (p) => `r.tenant_id = ${p}::uuid`,
          tenantPath: (p) => this.tenants.subtreeCondition('r.tenant_id', p),
          windowStaffIds: { sql: (p) => `r.window_id = ANY(${p}::uuid[])`, param: () => myWindows },
        },
        where.params.length + 1,
      );
      if (!allowed) throw new ForbiddenError('Your role may not read rectification cases');
      const rows = await this.evaluations.listCases(manager, {
        conditions: [...where.conditions, allowed.sql],
        params: [...where.params, ...allowed.params],
        after: cursor,
        limit: first + 1,
      });
      const page = pageOf(rows, first, (last) => encodeCursor(last.cursorMicros, last.id));
      return { ...page, nodes: await this.presentCases(manager, ability, page.nodes) };
    });
  }

  getCase(id: string): Promise<RectificationDetailView> {
    const ability = abilityFor(this.context.actor);
    return this.scope.run(async (manager) => this.detail(manager, ability, id));
  }

  /** The manager records a callback to the rater: who called, when, what was agreed. */
  recordCallback(input: {
    caseId: string;
    callerName: string;
    calledAt: Date;
    agreed: string;
  }): Promise<RectificationDetailView> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    const callerName = requiredText('callerName', input.callerName, 100);
    const agreed = requiredText('agreed', input.agreed, 1000);
    return this.scope.run(async (manager) => {
      const row = await this.caseFor(manager, ability, input.caseId, 'update', true);
      const refusal = callbackRefusal(row.status, row.openedAt, input.calledAt, this.clock.now());
      if (refusal) throw refused(refusal);
      await this.evaluations.insertCallback(manager, {
        tenantId: row.tenantId,
        caseId: row.id,
        callerName,
        calledAt: input.calledAt,
        agreed,
        recordedBy: actor.userId,
        recordedAt: this.clock.now(),
      });
      return this.detail(manager, ability, row.id);
    });
  }

  /** The manager closes the case with its outcome, once the rater has been called back. */
  close(input: { caseId: string; outcome: string }): Promise<RectificationDetailView> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    const outcome = requiredText('outcome', input.outcome, 1000);
    return this.scope.run(async (manager) => {
      const row = await this.caseFor(manager, ability, input.caseId, 'update', true);
      const callbacks = await this.evaluations.callbacksOf(manager, row.id);
      const refusal = closeRefusal(row.status, callbacks.length);
      if (refusal) throw refused(refusal);
      await this.evaluations.setCaseStatus(manager, row.id, {
        status: RectificationStatus.CLOSED,
        outcome,
        closedBy: actor.userId,
        closedAt: this.clock.now(),
      });
      await this.audit.record(manager, {
        tenantId: row.tenantId,
        actorId: actor.userId,
        action: 'RECTIFICATION_CLOSED',
        subjectId: row.id,
      });
      return this.detail(manager, ability, row.id);
    });
  }

  /** The staff member the bad review concerns appeals it (申诉): mistaken or malicious. */
  appeal(input: { caseId: string; reason: string }): Promise<RectificationDetailView> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    const reason = requiredText('reason', input.reason, 1000);
    return this.scope.run(async (manager) => {
      const row = await this.caseFor(manager, ability, input.caseId, 'create', true);
      if (!(await this.concerns(manager, row, actor.userId))) {
        throw new ForbiddenError('Only the staff member the review concerns may appeal it');
      }
      const refusal = appealRefusal(row.status);
      if (refusal) throw refused(refusal);
      await this.evaluations.insertAppeal(manager, {
        tenantId: row.tenantId,
        caseId: row.id,
        appellantId: actor.userId,
        reason,
        at: this.clock.now(),
      });
      await this.evaluations.setCaseStatus(manager, row.id, {
        status: RectificationStatus.APPEALED,
      });
      return this.detail(manager, ability, row.id);
    });
  }

  /** A supervisor decides the appeal: upheld voids the case, dismissed reopens it. */
  decideAppeal(input: {
    caseId: string;
    decision: AppealDecision;
    note: string;
  }): Promise<RectificationDetailView> {
    const actor = this.context.actor;
    const ability = abilityFor(actor);
    const note = requiredText('note', input.note, 1000);
    return this.scope.run(async (manager) => {
      const row = await this.caseFor(manager, ability, input.caseId, 'approve', true);
      const next = afterAppeal(row.status, input.decision);
      if (next === 'NOT_APPEALED') throw refused(next);
      const now = this.clock.now();
      await this.evaluations.decideAppeal(manager, row.id, {
        status: input.decision,
        by: actor.userId,
        at: now,
        note,
      });
      await this.evaluations.setCaseStatus(manager, row.id, {
        status: next,
        closedBy: next === RectificationStatus.VOIDED ? actor.userId : null,
        closedAt: next === RectificationStatus.VOIDED ? now : null,
      });
      await this.audit.record(manager, {
        tenantId: row.tenantId,
        actorId: actor.userId,
        action: 'RECTIFICATION_APPEAL_DECIDED',
        subjectId: row.id,
        details: { decision: input.decision },
      });
      return this.detail(manager, ability, row.id);
    });
  }

  /** A case the actor may read, checked for `action`: NOT_FOUND out of sight, else FORBIDDEN. */
  private async caseFor(
    manager: EntityManager,
    ability: TongbanAbility,
    id: string,
    action: 'read' | 'create' | 'update' | 'approve',
    lock = false,
  ): Promise<RectificationRow> {
    const row = await this.evaluations.findCase(manager, id, lock);
    const window = row && (await this.windows.find(manager, row.windowId));
    const record = row && window && this.caseSubject(row, window);
    if (!row || !record || !ability.can('read', record)) {
      throw new NotFoundError('Rectification case not found');
    }
    if (!ability.can(action, record)) {
      throw new ForbiddenError(
        action === 'approve'
          ? 'Only a supervisor decides appeals'
          : action === 'create'
            ? 'Only the staff member the review concerns may appeal it'
            : 'You may not act on this rectification case',
      );
    }
    return row;
  }

  private caseSubject(row: RectificationRow, window: { tenantPath: string[]; staffIds: string[] }) {
    return subject('Rectification', {
      id: row.id,
      tenantId: row.tenantId,
      tenantPath: window.tenantPath,
      windowStaffIds: window.staffIds,
    });
  }

  /** The review concerns who completed the application, else the staff of its window. */
  private async concerns(
    manager: EntityManager,
    row: RectificationRow,
    userId: string,
  ): Promise<boolean> {
    if (row.staffId) return row.staffId === userId;
    const window = await this.windows.find(manager, row.windowId);
    return window?.staffIds.includes(userId) ?? false;
  }

  private async detail(
    manager: EntityManager,
    ability: TongbanAbility,
    id: string,
  ): Promise<RectificationDetailView> {
    const row = await this.caseFor(manager, ability, id, 'read');
    const [view] = await this.presentCases(manager, ability, [row]);
    const callbacks = await this.evaluations.callbacksOf(manager, id);
    const appeals = await this.evaluations.appealsOf(manager, id);
    const names = await this.users.displayNames(manager, [
      ...callbacks.map((c) => c.recordedBy),
      ...appeals.flatMap((a) => (a.decidedBy ? [a.appellantId, a.decidedBy] : [a.appellantId])),
    ]);
    return {
      ...view,
      callbacks: callbacks.map((c) => ({
        id: c.id,
        callerName: c.callerName,
        calledAt: c.calledAt,
        agreed: c.agreed,
        recordedByName: names.get(c.recordedBy) ?? '',
        recordedAt: c.recordedAt,
      })),
      appeals: appeals.map((a) => ({
        id: a.id,
        appellantName: names.get(a.appellantId) ?? '',
        reason: a.reason,
        filedAt: a.filedAt,
        status: a.status,
        decidedByName: a.decidedBy ? (names.get(a.decidedBy) ?? '') : null,
        decidedAt: a.decidedAt,
        decisionNote: a.decisionNote,
      })),
    };
  }

  private async presentCases(
    manager: EntityManager,
    ability: TongbanAbility,
    rows: RectificationRow[],
  ): Promise<RectificationView[]> {
    if (rows.length === 0) return [];
    const userId = this.context.actor.userId;
    const windows = await this.windows.findEach(
      manager,
      rows.map((row) => row.windowId),
    );
    const tenantIds = [...new Set(rows.map((row) => row.tenantId))];
    const tenants = new Map(
      (await this.tenants.requireEach(manager, tenantIds)).flatMap((tenant, i) =>
        tenant instanceof Error ? [] : [[tenantIds[i], tenant] as const],
      ),
    );
    const names = await this.users.displayNames(
      manager,
      rows.flatMap((row) => [row.staffId, row.closedBy].filter((id): id is string => !!id)),
    );
    return rows.flatMap((row) => {
      const window = windows.get(row.windowId);
      const tenant = tenants.get(row.tenantId);
      if (!window || !tenant) return [];
      const record = this.caseSubject(row, window);
      if (!ability.can('read', record)) return [];
      const concerned =
        ability.can('create', record) &&
        (row.staffId ? row.staffId === userId : window.staffIds.includes(userId));
      return [
        {
          id: row.id,
          tenantId: row.tenantId,
          tenantName: tenant.name,
          applicationId: row.applicationId,
          receiptNumber: row.receiptNumber,
          itemName: row.itemName,
          windowId: row.windowId,
          windowName: window.name,
          staffName: row.staffId ? (names.get(row.staffId) ?? '') : null,
          rating: row.rating,
          nationalSatisfactionCode: nationalSatisfactionCode(row.rating),
          channel: row.channel,
          ratedAt: row.ratedAt,
          openedAt: row.openedAt,
          dueAt: row.dueAt,
          status: row.status,
          outcome: row.outcome,
          closedByName: row.closedBy ? (names.get(row.closedBy) ?? '') : null,
          closedAt: row.closedAt,
          mayUpdate:
            ability.can('update', record) &&
            (row.status === RectificationStatus.OPEN ||
              row.status === RectificationStatus.APPEALED),
          mayAppeal: concerned && row.status === RectificationStatus.OPEN,
          mayDecide: ability.can('approve', record) && row.status === RectificationStatus.APPEALED,
        },
      ];
    });
  }

  private async presentDevices(
    manager: EntityManager,
    ability: TongbanAbility,
    rows: DeviceRow[],
  ): Promise<DeviceView[]> {
    if (rows.length === 0) return [];
    const windows = await this.windows.findEach(
      manager,
      rows.map((row) => row.windowId),
    );
    const names = await this.users.displayNames(
      manager,
      rows.map((row) => row.registeredBy),
    );
    return rows.flatMap((row) => {
      const window = windows.get(row.windowId);
      if (!window) return [];
      const owned = { tenantId: window.tenantId, tenantPath: window.tenantPath };
      if (!ability.can('read', subject('EvaluationDevice', owned))) return [];
      return [
        {
          id: row.id,
          tenantId: row.tenantId,
          windowId: row.windowId,
          windowName: window.name,
          label: row.label,
          registeredByName: names.get(row.registeredBy) ?? '',
          registeredAt: row.registeredAt,
          revokedAt: row.revokedAt,
          lastSeenAt: row.lastSeenAt,
        },
      ];
    });
  }
}

/** A stage the application can be rated at now, else CONFLICT with the reason. */
function stageOpenOrThrow(
  application: RatedApplication,
  stage: EvaluationStage,
  rateAtAcceptance: boolean,
): void {
  if (stage === EvaluationStage.COMPLETION) {
    if (application.status !== 'COMPLETED' || application.completedAt === null) {
      throw new ConflictError('This application is not completed yet', {
        reason: 'NOT_COMPLETED',
      });
    }
    return;
  }
  if (!rateAtAcceptance || application.onTheSpot) {
    throw new ConflictError('This application is rated at completion only', {
      reason: 'NOT_RATED_AT_ACCEPTANCE',
    });
  }
  if (application.acceptedAt === null) {
    throw new ConflictError('This application is not accepted yet', { reason: 'NOT_ACCEPTED' });
  }
}

/** A device token that rates nothing; each reason its own, none saying more than that. */
function deviceRefused(reason: 'DEVICE_UNKNOWN' | 'DEVICE_REVOKED' | 'NOT_THIS_WINDOW'): Error {
  const messages = {
    DEVICE_UNKNOWN: 'This evaluation device is not registered',
    DEVICE_REVOKED: 'This evaluation device has been revoked',
    NOT_THIS_WINDOW: "This application was not handled at this device's window",
  };
  return new ForbiddenError(messages[reason], { reason });
}

function linkRefused(reason: 'LINK_INVALID' | 'LINK_USED' | 'LINK_EXPIRED'): Error {
  const messages = {
    LINK_INVALID: 'This rating link is not valid',
    LINK_USED: 'This rating link has already been used',
    LINK_EXPIRED: 'This rating link has expired',
  };
  return reason === 'LINK_INVALID'
    ? new NotFoundError(messages[reason], { reason })
    : new ConflictError(messages[reason], { reason });
}

/** Opaque to clients: where the previous page ended (opened at, id). */
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
