import { Injectable } from '@nestjs/common';
import {
  abilityFor,
  type AuditAction,
  AuditRepository,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  JobQueue,
  NotFoundError,
  RequestContext,
  subject,
  TenantKind,
  type TenantNode,
  TenantScope,
  TenantTree,
} from '@tongban/core';
import { EntityManager } from 'typeorm';
import { adoptable } from '../core/catalogue-version';
import { changesList, type OutcomeRecord, outcomeRecord } from '../core/rollout-audit';
import type { EntryOutcome, RolloutConflict } from '../core/rollout-plan';
import {
  mayCommand,
  RolloutCommand,
  RolloutStatus,
  RolloutStepStatus,
  rolloutSteps,
  statusAfter,
} from '../core/rollout-status';
import { CatalogueRepository, type CatalogueVersionRecord } from '../standard/catalogue.repository';
import { writeRolloutSheets } from '../core/rollout-sheet';
import { writeCatalogueWorkbook } from '../spreadsheet/catalogue-workbook';
import { RolloutPlanner, type VersionPair } from './rollout-planner';
import {
  type RolloutRecord,
  RolloutRepository,
  type RolloutStepRecord,
} from './rollout.repository';
import { enqueueRolloutStep } from './rollout-step.job';

/** What a rollout would do to one tenant (the preview), or did (a step's record). */
export interface TenantRolloutSummary {
  tenant: TenantNode;
  kept: number;
  adopted: number;
  readOnly: number;
  dropped: number;
  /** Entries moved to the new version exactly as they were. */
  unchanged: number;
  outcomes: OutcomeRecord[];
  conflicts: RolloutConflict[];
}

/** The changes between a version a list stands on and the version rolled out. */
export type VersionDiffSummary = Pick<VersionPair, 'from' | 'diff'>;

export interface RolloutPreview {
  version: CatalogueVersionRecord;
  diffs: VersionDiffSummary[];
  tenants: TenantRolloutSummary[];
}

/** What the audit trail calls each command. */
const COMMAND_AUDIT = {
  [RolloutCommand.PAUSE]: 'CATALOGUE_ROLLOUT_PAUSED',
  [RolloutCommand.RESUME]: 'CATALOGUE_ROLLOUT_RESUMED',
  [RolloutCommand.CANCEL]: 'CATALOGUE_ROLLOUT_CANCELLED',
  [RolloutCommand.RETRY]: 'CATALOGUE_ROLLOUT_RETRIED',
} as const satisfies Record<RolloutCommand, AuditAction>;

const ROOT_KINDS = new Set<string>([TenantKind.PROVINCE, TenantKind.CITY, TenantKind.COUNTY]);
/**
 * Clean-up rounds (DESIGN.md §4.1): a published standard version carried over a subtree, one
 * step per tenant (parents first), each step one transaction in that tenant's scope that moves
 * its implementation list to the new version as the plan of `core/rollout-plan.ts` says.
 * Idempotent (a step runs once: its row is locked and must be PENDING), resumable (a step
 * killed midway committed nothing and its job is delivered again), pausable and cancellable
 * (a step holds the rollout's row FOR SHARE; pause and cancel take it FOR UPDATE).
 */
@Injectable()
export class RolloutService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly tree: TenantTree,
    private readonly rollouts: RolloutRepository,
    private readonly planner: RolloutPlanner,
    private readonly catalogue: CatalogueRepository,
    private readonly audit: AuditRepository,
    private readonly queue: JobQueue,
  ) {}

  /** What rolling `versionId` out over the subtree of `tenantId` would do; writes nothing. */
  preview(versionId: string, tenantId: string): Promise<RolloutPreview> {
    return this.scope.run(async (manager) => {
      const root = await this.requireRoot(manager, tenantId, 'read');
      const version = await this.requirePublished(manager, versionId);
      const tenants = await this.tree.subtree(manager, root.id);
      const listed = new Set(rolloutSteps(tenants).map((step) => step.tenantId));
      const summaries: TenantRolloutSummary[] = [];
      const diffs = new Map<string, VersionDiffSummary>();
      for (const tenant of tenants.filter((node) => listed.has(node.id))) {
        const planned = await this.planner.planFor(manager, tenant.id, version);
        for (const pair of planned.pairs) diffs.set(pair.from.id, pair);
        summaries.push(summaryOf(tenant, planned.outcomes, planned.conflicts));
      }
      return { version, diffs: [...diffs.values()], tenants: summaries };
    });
  }

  /** Starts rolling a published version out over the subtree of `tenantId`. */
  async start(versionId: string, tenantId: string): Promise<RolloutRecord> {
    const id = await this.scope.run(async (manager) => {
      // Starts are rare: one at a time, so two cannot both find their subtrees free.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('catalogue-rollout-start'))`);
      const root = await this.requireRoot(manager, tenantId, 'create');
      const version = await this.requirePublished(manager, versionId);
      const steps = rolloutSteps(await this.tree.subtree(manager, root.id));
      if (steps.length === 0) {
        throw new BadUserInputError('No tenant below keeps an implementation list', {
          reason: 'NOTHING_TO_ROLL_OUT',
        });
      }
      if (
        await this.rollouts.pendingElsewhere(
          manager,
          steps.map((step) => step.tenantId),
        )
      ) {
        throw new ConflictError('Another rollout is still under way in this subtree', {
          reason: 'ROLLOUT_IN_PROGRESS',
        });
      }
      const created = await this.rollouts.insert(
        manager,
        {
          tenantId: root.id,
          versionTenantId: version.tenantId,
          versionId: version.id,
          startedBy: this.context.actor.userId,
        },
        steps,
      );
      await this.audit.record(manager, {
        tenantId: root.id,
        actorId: this.context.actor.userId,
        action: 'CATALOGUE_ROLLOUT_STARTED',
        subjectId: created,
        // The name as it was, for the rollout's history (catalog does not read the users).
        details: {
          versionId: version.id,
          label: version.label,
          tenants: steps.length,
          by: this.context.actor.displayName,
        },
      });
      return created;
    });
    await this.enqueueReady(id);
    return this.get(id);
  }

  /** Pause, resume, cancel, or retry the failed steps; CONFLICT when it does not apply now. */
  async command(id: string, command: RolloutCommand): Promise<RolloutRecord> {
    await this.scope.run(async (manager) => {
      const rollout = await this.rollouts.find(manager, id, 'update');
      if (!rollout) throw new NotFoundError('No such rollout');
      await this.requireRoot(manager, rollout.tenantId, 'update');
      if (!mayCommand(rollout.status, command)) {
        throw new ConflictError(`A ${rollout.status.toLowerCase()} rollout cannot do that`, {
          reason: 'ILLEGAL_TRANSITION',
          status: rollout.status,
        });
      }
      let steps = 0;
      if (command === RolloutCommand.CANCEL)
        steps = await this.rollouts.cancelPending(manager, rollout);
      if (command === RolloutCommand.RETRY) {
        steps = await this.rollouts.retryFailed(manager, rollout);
        if (steps === 0) {
          throw new ConflictError('No step of this rollout failed', { reason: 'NOTHING_TO_RETRY' });
        }
      }
      const requeues = command === RolloutCommand.RESUME || command === RolloutCommand.RETRY;
      await this.rollouts.setStatus(manager, rollout, statusAfter(command), requeues);
      await this.audit.record(manager, {
        tenantId: rollout.tenantId,
        actorId: this.context.actor.userId,
        action: COMMAND_AUDIT[command],
        subjectId: rollout.id,
        details: { steps, by: this.context.actor.displayName },
      });
    });
    if (command === RolloutCommand.RESUME || command === RolloutCommand.RETRY) {
      await this.enqueueReady(id);
    }
    return this.get(id);
  }

  list(first: number): Promise<RolloutRecord[]> {
    return this.scope.run((manager) => this.rollouts.list(manager, first));
  }

  get(id: string): Promise<RolloutRecord> {
    return this.scope.run((manager) => this.requireRollout(manager, id));
  }

  /** The preview as a spreadsheet (base64 XLSX). */
  async exportPreview(versionId: string, tenantId: string): Promise<string> {
    const preview = await this.preview(versionId, tenantId);
    const sheets = writeRolloutSheets(
      preview.tenants.map((summary) => ({ ...summary.tenant, ...summary })),
    );
    return (await writeCatalogueWorkbook(sheets)).toString('base64');
  }

  /** A rollout's audit as a spreadsheet (base64 XLSX): every step, what it changed, its conflicts. */
  async export(id: string): Promise<string> {
    const steps = await this.scope.run(async (manager) => {
      const rollout = await this.requireRollout(manager, id);
      return this.stepsIn(manager, rollout, { status: null, offset: 0, first: 100_000 });
    });
    const sheets = writeRolloutSheets(
      steps.map((step) => ({
        name: step.tenant.name,
        divisionCode: step.tenant.divisionCode,
        status: step.status,
        reason: step.reason,
        outcomes: step.outcomes,
        conflicts: step.conflicts,
      })),
    );
    return (await writeCatalogueWorkbook(sheets)).toString('base64');
  }

  version(rollout: RolloutRecord): Promise<CatalogueVersionRecord> {
    return this.scope.run(async (manager) => {
      const version = await this.catalogue.findVersion(manager, rollout.versionId);
      if (!version) throw new NotFoundError('No such catalogue version');
      return version;
    });
  }

  tenant(rollout: RolloutRecord): Promise<TenantNode> {
    return this.scope.run((manager) => this.tree.require(manager, rollout.tenantId));
  }

  /** Who started, paused, resumed, cancelled and retried the rollout, and when. */
  history(
    rollout: RolloutRecord,
  ): Promise<{ action: string; actorName: string | null; at: Date }[]> {
    return this.scope.run(async (manager) =>
      (
        await this.audit.forSubject(manager, {
          tenantId: rollout.tenantId,
          subjectId: rollout.id,
          limit: 200,
        })
      )
        // The starting tenant's own step is audited under the rollout too: steps are listed apart.
        .filter((event) => event.action !== 'CATALOGUE_ROLLOUT_STEP_DONE')
        .map((event) => ({
          action: event.action,
          actorName: typeof event.details.by === 'string' ? event.details.by : null,
          at: event.createdAt,
        })),
    );
  }

  counts(rollout: RolloutRecord) {
    return this.scope.run((manager) => this.rollouts.counts(manager, rollout));
  }

  steps(
    rollout: RolloutRecord,
    filter: { status: RolloutStepStatus | null; offset: number; first: number },
  ): Promise<(RolloutStepRecord & { tenant: TenantNode })[]> {
    return this.scope.run((manager) => this.stepsIn(manager, rollout, filter));
  }

  private async stepsIn(
    manager: EntityManager,
    rollout: RolloutRecord,
    filter: { status: RolloutStepStatus | null; offset: number; first: number },
  ): Promise<(RolloutStepRecord & { tenant: TenantNode })[]> {
    const steps = await this.rollouts.steps(manager, rollout, filter);
    const tenants = new Map(
      (await this.tree.subtree(manager, rollout.tenantId)).map((node) => [node.id, node]),
    );
    // A tenant moved out of the subtree since cannot happen (the tree does not change shape).
    return steps.flatMap((step) => {
      const tenant = tenants.get(step.tenantId);
      return tenant ? [{ ...step, tenant }] : [];
    });
  }

  /** Per tenant of the subtree, the standard versions its list stands on (entries per version). */
  versionsHeld(tenantId: string) {
    return this.scope.run(async (manager) => {
      // Any tenant in sight: below a county there is simply no county to list.
      const root = await this.requireTenant(manager, tenantId, 'read');
      const tenants = (await this.tree.subtree(manager, root.id)).filter(
        (tenant) => tenant.kind === TenantKind.COUNTY,
      );
      const held = await this.rollouts.versionsHeld(
        manager,
        tenants.map((tenant) => tenant.id),
      );
      const versions = new Map(
        (await this.catalogue.listVersions(manager)).map((version) => [version.id, version]),
      );
      return tenants.map((tenant) => ({
        tenant,
        versions: held
          .filter((row) => row.tenantId === tenant.id)
          .flatMap((row) => {
            const version = versions.get(row.versionId);
            return version ? [{ version, entries: row.entries }] : [];
          }),
      }));
    });
  }

  private async enqueueReady(id: string): Promise<void> {
    const { rollout, ready } = await this.scope.run(async (manager) => {
      const found = await this.requireRollout(manager, id);
      return { rollout: found, ready: await this.rollouts.ready(manager, found) };
    });
    if (rollout.status !== RolloutStatus.RUNNING) return;
    for (const tenantId of ready) {
      await enqueueRolloutStep(this.queue, rollout, tenantId, this.context.actor.userId);
    }
  }

  private async requireRollout(manager: EntityManager, id: string): Promise<RolloutRecord> {
    const rollout = await this.rollouts.find(manager, id);
    if (!rollout) throw new NotFoundError('No such rollout');
    await this.requireRoot(manager, rollout.tenantId, 'read');
    return rollout;
  }

  /** A tenant in sight (NOT_FOUND) whose rollouts are the actor's to `action` (FORBIDDEN). */
  private async requireTenant(
    manager: EntityManager,
    tenantId: string,
    action: 'read' | 'create' | 'update',
  ): Promise<TenantNode> {
    const tenant = await this.tree.require(manager, tenantId, 'read');
    const record = subject('CatalogueRollout', { tenantId: tenant.id, tenantPath: tenant.path });
    if (!abilityFor(this.context.actor).can(action, record)) {
      throw new ForbiddenError(`You may not ${action} catalogue rollouts of this tenant`);
    }
    return tenant;
  }

  /** The tenant a rollout starts from: as `requireTenant`, and a county or above. */
  private async requireRoot(
    manager: EntityManager,
    tenantId: string,
    action: 'read' | 'create' | 'update',
  ): Promise<TenantNode> {
    const root = await this.requireTenant(manager, tenantId, action);
    if (!ROOT_KINDS.has(root.kind)) {
      throw new BadUserInputError('A rollout runs over a county, a city or the province', {
        reason: 'NOT_A_COUNTY',
      });
    }
    return root;
  }

  private async requirePublished(
    manager: EntityManager,
    versionId: string,
  ): Promise<CatalogueVersionRecord> {
    const version = await this.catalogue.findVersion(manager, versionId);
    if (!version) throw new NotFoundError('No such catalogue version');
    if (!adoptable(version.status)) {
      throw new ConflictError('Only a published catalogue version is rolled out', {
        reason: 'NOT_PUBLISHED',
      });
    }
    return version;
  }
}

function summaryOf(
  tenant: TenantNode,
  outcomes: EntryOutcome[],
  conflicts: RolloutConflict[],
): TenantRolloutSummary {
  const count = (kind: EntryOutcome['kind']) =>
    outcomes.filter((outcome) => outcome.kind === kind).length;
  const recorded = outcomes.filter(changesList);
  return {
    tenant,
    kept: count('KEPT'),
    adopted: count('ADOPTED'),
    readOnly: count('READ_ONLY'),
    dropped: count('DROPPED'),
    unchanged: outcomes.length - recorded.length,
    outcomes: recorded.map(outcomeRecord),
    conflicts,
  };
}
