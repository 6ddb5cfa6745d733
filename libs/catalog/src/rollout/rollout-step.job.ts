import { Logger } from '@nestjs/common';
import {
  applyScope,
  AuditRepository,
  JobHandler,
  JobProcessor,
  JobQueue,
  loggableError,
  NotFoundError,
  RequestContext,
  TenantJobData,
  TenantScope,
  TongbanError,
} from '@tongban/core';
import { EntityManager } from 'typeorm';
import { changesList, outcomeRecord, templateCodesAfter } from '../core/rollout-audit';
import { RolloutStatus, RolloutStepStatus } from '../core/rollout-status';
import { ImplementationRepository } from '../implementation/implementation.repository';
import { MenuTemplateRepository } from '../implementation/menu-template.repository';
import { CatalogueRepository, type CatalogueVersionRecord } from '../standard/catalogue.repository';
import { RolloutPlanner } from './rollout-planner';
import {
  type RolloutRecord,
  RolloutRepository,
  type RolloutStepRecord,
} from './rollout.repository';

/** `tenantId`: the tenant whose step this is (the job runs as the actor who queued it). */
export interface RolloutStepData extends TenantJobData {
  rolloutId: string;
  /** The rollout's generation when queued (part of the job id, which it makes new). */
  generation: number;
}

/** Queues one tenant's step, once per generation of the rollout (a resume or retry makes a new one). */
export function enqueueRolloutStep(
  queue: JobQueue,
  rollout: RolloutRecord,
  tenantId: string,
  actorId: string,
): Promise<void> {
  return queue.enqueue(
    RolloutStepJob,
    { tenantId, actorId, rolloutId: rollout.id, generation: rollout.generation },
    { jobId: `catalogue-rollout:${rollout.id}:${tenantId}:${rollout.generation}` },
  );
}

/**
 * One tenant's step of a catalogue rollout: one transaction that holds the rollout's row FOR
 * SHARE (pause and cancel wait for it), locks the step's row, and — in that tenant's scope —
 * moves its implementation list to the new version as the plan says and records what changed.
 * Idempotent: it changes nothing unless the rollout runs, the step is pending and its parent's
 * is done; a job delivered twice, or again after its worker was killed (nothing of that run
 * was committed), is harmless. A step already done only queues the steps below it again.
 */
@JobProcessor({ name: 'catalog.rollout-step', scope: 'tenant' })
export class RolloutStepJob implements JobHandler<RolloutStepData> {
  private readonly logger = new Logger(RolloutStepJob.name);

  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly queue: JobQueue,
    private readonly rollouts: RolloutRepository,
    private readonly planner: RolloutPlanner,
    private readonly lists: ImplementationRepository,
    private readonly templates: MenuTemplateRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly audit: AuditRepository,
  ) {}

  async process(data: RolloutStepData): Promise<void> {
    let done: RolloutRecord | null = null;
    try {
      done = await this.scope.run(async (manager) => {
        const rollout = await this.rollouts.find(manager, data.rolloutId, 'share');
        if (!rollout || rollout.status !== RolloutStatus.RUNNING) return null;
        const step = await this.rollouts.step(manager, rollout.id, data.tenantId, true);
        if (step?.status === RolloutStepStatus.DONE) return rollout;
        if (step?.status !== RolloutStepStatus.PENDING) return null;
        if (step.parentTenantId) {
          const parent = await this.rollouts.step(manager, rollout.id, step.parentTenantId);
          if (parent?.status !== RolloutStepStatus.DONE) return null;
        }
        const version = await this.catalogue.findVersion(manager, rollout.versionId);
        if (!version) throw new NotFoundError('The version rolled out is out of sight');
        // From here the transaction sees this tenant alone (and what is published above it).
        await applyScope(manager, {
          tenantId: step.tenantId,
          visibility: 'tenant',
          actorId: this.context.actor.userId,
        });
        await this.apply(manager, step, version);
        return rollout;
      });
    } catch (error) {
      await this.fail(data, error);
      return;
    }
    if (!done) return;
    const rollout = done;
    const children = await this.scope.run(async (manager) => {
      await this.rollouts.finishIfDone(manager, rollout);
      return this.rollouts.children(manager, rollout, data.tenantId);
    });
    for (const tenantId of children) {
      await enqueueRolloutStep(this.queue, rollout, tenantId, this.context.actor.userId);
    }
  }

  private async apply(
    manager: EntityManager,
    step: RolloutStepRecord,
    version: CatalogueVersionRecord,
  ): Promise<void> {
    const planned = await this.planner.planFor(manager, step.tenantId, version);
    await this.lists.rollOut(manager, step.tenantId, version, planned.outcomes);
    // A county's tier menus follow its list.
    for (const template of await this.templates.list(manager, step.tenantId)) {
      const itemCodes = planned.pairs.reduce(
        (codes, pair) => templateCodesAfter(codes, pair.diff),
        template.itemCodes,
      );
      if (itemCodes.join() !== [...template.itemCodes].sort().join()) {
        await this.templates.save(manager, { ...template, itemCodes });
      }
    }
    const recorded = planned.outcomes.filter(changesList).map(outcomeRecord);
    await this.rollouts.finishStep(manager, step, {
      status: RolloutStepStatus.DONE,
      reason: null,
      outcomes: recorded,
      conflicts: planned.conflicts,
    });
    await this.audit.record(manager, {
      tenantId: step.tenantId,
      actorId: this.context.actor.userId,
      action: 'CATALOGUE_ROLLOUT_STEP_DONE',
      subjectId: step.rolloutId,
      details: {
        versionId: version.id,
        changed: recorded.length,
        conflicts: planned.conflicts.length,
      },
    });
  }

  /** A step that threw is FAILED with a reason a client may read; it is retried on demand. */
  private async fail(data: RolloutStepData, error: unknown): Promise<void> {
    const reason =
      error instanceof TongbanError
        ? error.message
        : 'The step failed unexpectedly; the worker’s log says why';
    if (!(error instanceof TongbanError)) {
      this.logger.error({
        msg: 'rollout step failed',
        rolloutId: data.rolloutId,
        tenantId: data.tenantId,
        error: loggableError(error),
      });
    }
    await this.scope.run(async (manager) => {
      const rollout = await this.rollouts.find(manager, data.rolloutId, 'share');
      const step = rollout && (await this.rollouts.step(manager, rollout.id, data.tenantId, true));
      if (step?.status !== RolloutStepStatus.PENDING) return;
      await this.rollouts.finishStep(manager, step, {
        status: RolloutStepStatus.FAILED,
        reason,
        outcomes: [],
        conflicts: [],
      });
    });
    // The failed step may have been the last to end (its own commit is seen from here).
    await this.scope.run(async (manager) => {
      const rollout = await this.rollouts.find(manager, data.rolloutId);
      if (rollout) await this.rollouts.finishIfDone(manager, rollout);
    });
  }
}
