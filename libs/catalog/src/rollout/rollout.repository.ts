import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { OutcomeRecord } from '../core/rollout-audit';
import type { RolloutConflict } from '../core/rollout-plan';
import { RolloutStatus, RolloutStepStatus } from '../core/rollout-status';

export interface RolloutRecord {
  id: string;
  tenantId: string;
  versionTenantId: string;
  versionId: string;
  status: RolloutStatus;
  generation: number;
  startedBy: string | null;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface RolloutStepRecord {
  tenantId: string;
  rolloutTenantId: string;
  rolloutId: string;
  parentTenantId: string | null;
  depth: number;
  status: RolloutStepStatus;
  attempts: number;
  reason: string | null;
  changed: number;
  conflictCount: number;
  outcomes: OutcomeRecord[];
  conflicts: RolloutConflict[];
  finishedAt: Date | null;
}

export type StepCounts = Record<RolloutStepStatus, number>;

const ROLLOUT_COLUMNS = `r.id, r.tenant_id AS "tenantId", r.version_tenant_id AS "versionTenantId",
  r.version_id AS "versionId", r.status, r.generation, r.started_by AS "startedBy",
  r.started_at AS "startedAt", r.updated_at AS "updatedAt", r.finished_at AS "finishedAt"`;

const STEP_COLUMNS = `s.tenant_id AS "tenantId", s.rollout_tenant_id AS "rolloutTenantId",
  s.rollout_id AS "rolloutId", s.parent_tenant_id AS "parentTenantId", s.depth, s.status,
  s.attempts, s.reason, s.changed, s.conflict_count AS "conflictCount", s.outcomes, s.conflicts,
  s.finished_at AS "finishedAt"`;

/**
 * Clean-up rounds: a rollout (the starter's tenant's row) and its steps (each tenant's own
 * row). Locks are always taken rollout first, then steps in tenant-id order.
 */
@Injectable()
export class RolloutRepository {
  async insert(
    manager: EntityManager,
    rollout: { tenantId: string; versionTenantId: string; versionId: string; startedBy: string },
    steps: readonly { tenantId: string; parentTenantId: string | null; depth: number }[],
  ): Promise<string> {
    const [created] = await manager.query(
      `INSERT INTO catalogue_rollouts (tenant_id, version_tenant_id, version_id, started_by)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [rollout.tenantId, rollout.versionTenantId, rollout.versionId, rollout.startedBy],
    );
    await manager.query(
      `INSERT INTO catalogue_rollout_steps (tenant_id, rollout_tenant_id, rollout_id,
                                            parent_tenant_id, depth)
       SELECT s.tenant_id, $1, $2, s.parent_tenant_id, s.depth
         FROM jsonb_to_recordset($3::jsonb) AS s(tenant_id uuid, parent_tenant_id uuid, depth integer)`,
      [
        rollout.tenantId,
        created.id,
        JSON.stringify(
          steps.map((step) => ({
            tenant_id: step.tenantId,
            parent_tenant_id: step.parentTenantId,
            depth: step.depth,
          })),
        ),
      ],
    );
    return created.id;
  }

  /** Tenants of `tenantIds` with a step still pending in some rollout (one at a time each). */
  async pendingElsewhere(manager: EntityManager, tenantIds: readonly string[]): Promise<boolean> {
    const [found] = await manager.query(
      `SELECT 1 FROM catalogue_rollout_steps
        WHERE tenant_id = ANY($1::uuid[]) AND status = 'PENDING' LIMIT 1`,
      [tenantIds],
    );
    return found !== undefined;
  }

  async find(
    manager: EntityManager,
    id: string,
    lock: 'update' | 'share' | null = null,
  ): Promise<RolloutRecord | undefined> {
    const [found] = await manager.query(
      `SELECT ${ROLLOUT_COLUMNS} FROM catalogue_rollouts r WHERE r.id = $1
        ${lock === 'update' ? 'FOR UPDATE' : lock === 'share' ? 'FOR SHARE' : ''}`,
      [id],
    );
    return found;
  }

  list(manager: EntityManager, first: number): Promise<RolloutRecord[]> {
    return manager.query(
      `SELECT ${ROLLOUT_COLUMNS} FROM catalogue_rollouts r ORDER BY r.started_at DESC, r.id LIMIT $1`,
      [first],
    );
  }

  async setStatus(
    manager: EntityManager,
    rollout: RolloutRecord,
    status: RolloutStatus,
    nextGeneration = false,
  ): Promise<void> {
    await manager.query(
      `UPDATE catalogue_rollouts
          SET status = $3, updated_at = now(),
              generation = generation + CASE WHEN $4 THEN 1 ELSE 0 END,
              finished_at = CASE WHEN $3 IN ('CANCELLED', 'FINISHED') THEN now() END
        WHERE tenant_id = $1 AND id = $2`,
      [rollout.tenantId, rollout.id, status, nextGeneration],
    );
  }

  /**
   * FINISHED once no pending step may run: every step is done, failed or cancelled, or waits
   * below a failed one (failed steps stay listed, to retry; their children run after).
   */
  async finishIfDone(manager: EntityManager, rollout: RolloutRecord): Promise<boolean> {
    const [, finished]: [unknown, number] = await manager.query(
      `UPDATE catalogue_rollouts r SET status = 'FINISHED', finished_at = now(), updated_at = now()
        WHERE r.tenant_id = $1 AND r.id = $2 AND r.status = 'RUNNING'
          AND NOT EXISTS (SELECT 1 FROM catalogue_rollout_steps s
                           WHERE s.rollout_tenant_id = $1 AND s.rollout_id = $2
                             AND s.status = 'PENDING'
                             AND (s.parent_tenant_id IS NULL OR EXISTS (
                                   SELECT 1 FROM catalogue_rollout_steps p
                                    WHERE p.rollout_tenant_id = $1 AND p.rollout_id = $2
                                      AND p.tenant_id = s.parent_tenant_id
                                      AND p.status = 'DONE')))`,
      [rollout.tenantId, rollout.id],
    );
    return finished > 0;
  }

  async counts(manager: EntityManager, rollout: RolloutRecord): Promise<StepCounts> {
    const rows: { status: RolloutStepStatus; n: number }[] = await manager.query(
      `SELECT status, count(*)::int AS n FROM catalogue_rollout_steps
        WHERE rollout_tenant_id = $1 AND rollout_id = $2 GROUP BY status`,
      [rollout.tenantId, rollout.id],
    );
    const counts = { PENDING: 0, DONE: 0, FAILED: 0, CANCELLED: 0 } as StepCounts;
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  /** Steps in tree order (parents first), optionally of one status, a page at a time. */
  steps(
    manager: EntityManager,
    rollout: RolloutRecord,
    filter: { status: RolloutStepStatus | null; offset: number; first: number },
  ): Promise<RolloutStepRecord[]> {
    return manager.query(
      `SELECT ${STEP_COLUMNS} FROM catalogue_rollout_steps s
        WHERE s.rollout_tenant_id = $1 AND s.rollout_id = $2
          AND ($3::text IS NULL OR s.status = $3)
        ORDER BY s.depth, s.tenant_division_code OFFSET $4 LIMIT $5`,
      [rollout.tenantId, rollout.id, filter.status, filter.offset, filter.first],
    );
  }

  /** Pending steps whose parent step is done (or that have none): what may run now. */
  async ready(manager: EntityManager, rollout: RolloutRecord): Promise<string[]> {
    const rows: { tenantId: string }[] = await manager.query(
      `SELECT s.tenant_id AS "tenantId" FROM catalogue_rollout_steps s
        WHERE s.rollout_tenant_id = $1 AND s.rollout_id = $2 AND s.status = 'PENDING'
          AND (s.parent_tenant_id IS NULL OR EXISTS (
                SELECT 1 FROM catalogue_rollout_steps p
                 WHERE p.tenant_id = s.parent_tenant_id AND p.rollout_id = $2
                   AND p.status = 'DONE'))
        ORDER BY s.depth, s.tenant_division_code`,
      [rollout.tenantId, rollout.id],
    );
    return rows.map((row) => row.tenantId);
  }

  /** The pending steps right below a tenant's. */
  async children(
    manager: EntityManager,
    rollout: RolloutRecord,
    parentTenantId: string,
  ): Promise<string[]> {
    const rows: { tenantId: string }[] = await manager.query(
      `SELECT s.tenant_id AS "tenantId" FROM catalogue_rollout_steps s
        WHERE s.rollout_tenant_id = $1 AND s.rollout_id = $2 AND s.parent_tenant_id = $3
          AND s.status = 'PENDING'
        ORDER BY s.tenant_division_code`,
      [rollout.tenantId, rollout.id, parentTenantId],
    );
    return rows.map((row) => row.tenantId);
  }

  async step(
    manager: EntityManager,
    rolloutId: string,
    tenantId: string,
    lock = false,
  ): Promise<RolloutStepRecord | undefined> {
    const [found] = await manager.query(
      `SELECT ${STEP_COLUMNS} FROM catalogue_rollout_steps s
        WHERE s.tenant_id = $1 AND s.rollout_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [tenantId, rolloutId],
    );
    return found;
  }

  async finishStep(
    manager: EntityManager,
    step: RolloutStepRecord,
    result: {
      status: RolloutStepStatus.DONE | RolloutStepStatus.FAILED;
      reason: string | null;
      outcomes: OutcomeRecord[];
      conflicts: RolloutConflict[];
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE catalogue_rollout_steps
          SET status = $3, reason = $4, outcomes = $5, conflicts = $6, changed = $7,
              conflict_count = $8, attempts = attempts + 1, finished_at = now()
        WHERE tenant_id = $1 AND rollout_id = $2`,
      [
        step.tenantId,
        step.rolloutId,
        result.status,
        result.reason,
        JSON.stringify(result.outcomes),
        JSON.stringify(result.conflicts),
        result.outcomes.length,
        result.conflicts.length,
      ],
    );
  }

  /** Cancels every pending step (in tenant-id order, as every lock of steps is taken). */
  async cancelPending(manager: EntityManager, rollout: RolloutRecord): Promise<number> {
    const [, cancelled]: [unknown, number] = await manager.query(
      `UPDATE catalogue_rollout_steps s SET status = 'CANCELLED', finished_at = now()
         FROM (SELECT tenant_id FROM catalogue_rollout_steps
                WHERE rollout_tenant_id = $1 AND rollout_id = $2 AND status = 'PENDING'
                ORDER BY tenant_id FOR UPDATE) AS locked
        WHERE s.tenant_id = locked.tenant_id AND s.rollout_id = $2`,
      [rollout.tenantId, rollout.id],
    );
    return cancelled;
  }

  /** Failed steps become pending again, to run once more. */
  async retryFailed(manager: EntityManager, rollout: RolloutRecord): Promise<number> {
    const [, retried]: [unknown, number] = await manager.query(
      `UPDATE catalogue_rollout_steps s SET status = 'PENDING', reason = NULL, finished_at = NULL
         FROM (SELECT tenant_id FROM catalogue_rollout_steps
                WHERE rollout_tenant_id = $1 AND rollout_id = $2 AND status = 'FAILED'
                ORDER BY tenant_id FOR UPDATE) AS locked
        WHERE s.tenant_id = locked.tenant_id AND s.rollout_id = $2`,
      [rollout.tenantId, rollout.id],
    );
    return retried;
  }

  /**
   * Which standard versions the lists of each tenant of `tenantIds` stand on (entries per
   * version), for the operator's view of which counties rolled out what.
   */
  versionsHeld(
    manager: EntityManager,
    tenantIds: readonly string[],
  ): Promise<{ tenantId: string; versionId: string; entries: number }[]> {
    return manager.query(
      `SELECT tenant_id AS "tenantId", source_version_id AS "versionId", count(*)::int AS entries
         FROM implementation_items
        WHERE tenant_id = ANY($1::uuid[]) AND NOT read_only
        GROUP BY tenant_id, source_version_id ORDER BY tenant_id, entries DESC`,
      [tenantIds],
    );
  }
}
