/**
 * A clean-up round's rollout: RUNNING (steps run, parents before children), PAUSED (no new
 * step starts; a step already under way finishes), CANCELLED (tenants done stay on the new
 * version, the rest on the old), FINISHED (no step pending; failed ones may be retried).
 */
export enum RolloutStatus {
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  CANCELLED = 'CANCELLED',
  FINISHED = 'FINISHED',
}

/** One tenant's step of a rollout. */
export enum RolloutStepStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

/** What an administrator does to a rollout. */
export enum RolloutCommand {
  PAUSE = 'PAUSE',
  RESUME = 'RESUME',
  CANCEL = 'CANCEL',
  RETRY = 'RETRY',
}

const ALLOWED: Record<RolloutCommand, readonly RolloutStatus[]> = {
  [RolloutCommand.PAUSE]: [RolloutStatus.RUNNING],
  // Resuming a running rollout re-queues its ready steps: what to do after a crash of the
  // embedded default, whose queue lives in memory.
  [RolloutCommand.RESUME]: [RolloutStatus.PAUSED, RolloutStatus.RUNNING],
  [RolloutCommand.CANCEL]: [RolloutStatus.RUNNING, RolloutStatus.PAUSED],
  [RolloutCommand.RETRY]: [RolloutStatus.RUNNING, RolloutStatus.PAUSED, RolloutStatus.FINISHED],
};

/** Whether `command` applies to a rollout in `status`. */
export function mayCommand(status: RolloutStatus, command: RolloutCommand): boolean {
  return ALLOWED[command].includes(status);
}

/** The status a rollout has after `command`. */
export function statusAfter(command: RolloutCommand): RolloutStatus {
  return {
    [RolloutCommand.PAUSE]: RolloutStatus.PAUSED,
    [RolloutCommand.RESUME]: RolloutStatus.RUNNING,
    [RolloutCommand.CANCEL]: RolloutStatus.CANCELLED,
    [RolloutCommand.RETRY]: RolloutStatus.RUNNING,
  }[command];
}

/**
 * The steps of a rollout over a subtree, parents before children: each tenant that keeps an
 * implementation list (county, township, village), with its parent's step when the parent is
 * in the rollout too, and its depth below the topmost such tenants.
 */
export function rolloutSteps(
  tenants: readonly { id: string; parentId: string | null; kind: string }[],
): { tenantId: string; parentTenantId: string | null; depth: number }[] {
  const listed = tenants.filter((tenant) => LIST_KINDS.has(tenant.kind));
  const byId = new Map(listed.map((tenant) => [tenant.id, tenant]));
  const depthOf = (id: string): number => {
    const parentId = byId.get(id)?.parentId;
    return parentId && byId.has(parentId) ? depthOf(parentId) + 1 : 0;
  };
  return listed.map((tenant) => ({
    tenantId: tenant.id,
    parentTenantId: tenant.parentId && byId.has(tenant.parentId) ? tenant.parentId : null,
    depth: depthOf(tenant.id),
  }));
}

const LIST_KINDS = new Set(['COUNTY', 'TOWNSHIP', 'VILLAGE']);
