import { Injectable, Logger } from '@nestjs/common';
import {
  Clock,
  RequestContext,
  Role,
  type Scope,
  scopeOf,
  type TenantNode,
  TenantScope,
} from '@tongban/core';
import { ServiceWindowPort, TenantDirectory, UserDirectory } from '@tongban/tenancy';
import { EntityManager } from 'typeorm';
import { WorkingCalendars } from '../calendar-store/working-calendars';
import { NotificationRepository } from '../notification/notification.repository';
import { ApplicationFacts } from '../application/application-facts';
import { NotificationChannel, type OutgoingMessage } from '../notification/outbox';
import { SupervisionSettingsPort } from './supervision-settings.port';
import { type SweepRow, WarningRepository } from './warning.repository';
import { WarningKind, WarningLevel, warningSchedule } from './warning-level';

export interface SweepResult {
  /** Applications looked at. */
  checked: number;
  /** Warnings raised (new ones only). */
  raised: number;
}

const BATCH = 200;
const RETRY_MS = 3_600_000;

/**
 * The deadline sweep (DESIGN.md §4.4): looks only at applications whose level may have
 * changed (warning_check_at has come), raises each warning once (the unique key: a second
 * sweep at the same time, or a job delivered twice, raises nothing), writes the notifications
 * of what it raised in the same transaction, and sets when to look next.
 */
@Injectable()
export class DeadlineSweep {
  private readonly logger = new Logger(DeadlineSweep.name);

  constructor(
    private readonly scope: TenantScope,
    private readonly context: RequestContext,
    private readonly tenants: TenantDirectory,
    private readonly warnings: WarningRepository,
    private readonly settings: SupervisionSettingsPort,
    private readonly calendars: WorkingCalendars,
    private readonly windows: ServiceWindowPort,
    private readonly users: UserDirectory,
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
    private readonly facts: ApplicationFacts,
  ) {}

  /** The platform's chore: every tree, each in its root's scope. */
  async sweepAll(): Promise<SweepResult> {
    const roots = await this.scope.runUnscoped((manager) => this.tenants.roots(manager));
    const total: SweepResult = { checked: 0, raised: 0 };
    for (const root of roots) {
      const result = await this.sweepIn({
        tenantId: root.id,
        visibility: 'subtree',
        actorId: null,
      });
      total.checked += result.checked;
      total.raised += result.raised;
    }
    if (total.raised) this.logger.log({ msg: 'deadline sweep raised warnings', ...total });
    return total;
  }

  /** "Sweep now" from the supervisor's console: what the acting person's scope holds. */
  sweepMine(): Promise<SweepResult> {
    return this.sweepIn(scopeOf(this.context.actor));
  }

  private async sweepIn(scope: Scope): Promise<SweepResult> {
    const total: SweepResult = { checked: 0, raised: 0 };
    for (;;) {
      const done = await this.scope.runIn(scope, (manager) => this.batch(manager));
      total.checked += done.checked;
      total.raised += done.raised;
      if (done.checked < BATCH) return total;
    }
  }

  private async batch(manager: EntityManager): Promise<SweepResult> {
    const now = this.clock.now();
    const rows = await this.warnings.dueForCheck(manager, now, BATCH);
    if (rows.length === 0) return { checked: 0, raised: 0 };
    const tenants = await this.tenants.forChore(
      manager,
      rows.map((row) => row.tenantId),
    );
    const raised: { row: SweepRow; id: string; kind: WarningKind; level: WarningLevel }[] = [];
    const rules = new Map<string, Awaited<ReturnType<DeadlineSweep['rulesOf']>>>();
    for (const row of rows) {
      const tenant = tenants.get(row.tenantId);
      if (!tenant) {
        await this.warnings.reschedule(manager, row, null);
        continue;
      }
      let tenantRules = rules.get(tenant.id);
      if (!tenantRules) rules.set(tenant.id, (tenantRules = await this.rulesOf(manager, tenant)));
      let schedule: ReturnType<typeof warningSchedule>;
      try {
        schedule = warningSchedule(tenantRules.calendar, row, tenantRules.settings, now);
      } catch (error) {
        // One application the rules cannot place (a calendar they cannot count) must not hold
        // back the others: it is looked at again in an hour.
        this.logger.warn({ msg: 'warning level not computed', applicationId: row.id, error });
        await this.warnings.reschedule(manager, row, new Date(now.getTime() + RETRY_MS));
        continue;
      }
      for (const level of schedule.reached) {
        const id = await this.warnings.raise(manager, {
          tenantId: row.tenantId,
          applicationId: row.id,
          kind: schedule.kind!,
          level,
          dueAt: row.dueAt!,
          windowId: row.windowId,
          at: now,
        });
        if (id) raised.push({ row, id, kind: schedule.kind!, level });
      }
      await this.warnings.reschedule(manager, row, schedule.nextCheckAt);
    }
    // A card counts toward the figures (the first of each colour, on its day).
    for (const applicationId of new Set(raised.map((r) => r.row.id))) {
      const { row } = raised.find((r) => r.row.id === applicationId)!;
      await this.facts.record(manager, row.tenantId, row.id);
    }
    await this.notify(manager, raised);
    return { checked: rows.length, raised: raised.length };
  }

  private async rulesOf(manager: EntityManager, tenant: TenantNode) {
    return {
      calendar: await this.calendars.forNode(manager, tenant),
      settings: (await this.settings.effective(manager, tenant)).settings,
    };
  }

  /** The handler (the window's staff) and the center's managers hear of each new warning. */
  private async notify(
    manager: EntityManager,
    raised: { row: SweepRow; id: string; kind: WarningKind; level: WarningLevel }[],
  ): Promise<void> {
    if (raised.length === 0) return;
    const windows = await this.windows.findEach(
      manager,
      raised.map((r) => r.row.windowId),
    );
    const managers = await this.users.holdersOf(
      manager,
      raised.map((r) => r.row.tenantId),
      Role.CENTER_MANAGER,
    );
    const messages: OutgoingMessage[] = raised.flatMap(({ row, id, kind, level }) => {
      const recipients = new Set([
        ...(windows.get(row.windowId)?.staffIds ?? []),
        ...managers.filter((m) => m.tenantId === row.tenantId).map((m) => m.userId),
      ]);
      const card = level === WarningLevel.RED ? '红牌' : '黄牌';
      const what = kind === WarningKind.ACCEPTANCE ? '受理' : '办结';
      return [...recipients].map((recipientId) => ({
        tenantId: row.tenantId,
        dedupeKey: `warning:${id}`,
        recipientId,
        channel: NotificationChannel.INBOX,
        subject: `${card}预警：${row.receiptNumber} ${row.itemName}`,
        body:
          level === WarningLevel.RED
            ? `办件 ${row.receiptNumber}（${row.itemName}）已超过${what}期限，请立即办理。`
            : `办件 ${row.receiptNumber}（${row.itemName}）${what}期限将至，请抓紧办理。`,
      }));
    });
    await this.notifications.enqueue(manager, messages);
  }
}
