import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BadUserInputError, RequireAbility } from '@tongban/core';
import type { CatalogueDiff } from '../core/catalogue-diff';
import type { CatalogItem } from '../core/item';
import { describeValue } from '../core/rollout-audit';
import type { RolloutConflict } from '../core/rollout-plan';
import { RolloutCommand, RolloutStepStatus } from '../core/rollout-status';
import { CatalogueVersionModel } from '../standard/catalogue.graphql';
import {
  CatalogueDiffModel,
  CatalogueRolloutEventModel,
  CatalogueRolloutModel,
  CatalogueRolloutPreviewModel,
  CatalogueRolloutProgressModel,
  CatalogueRolloutStepModel,
  CountyCatalogueVersionsModel,
  RolloutConflictModel,
  RolloutTargetInput,
  RolloutTenantModel,
} from './rollout.graphql';
import type { RolloutRecord } from './rollout.repository';
import { RolloutService } from './rollout.service';

/** Clean-up rounds: preview, start and steer a rollout, and read its progress and audit. */
@Resolver(() => CatalogueRolloutModel)
export class RolloutResolver {
  constructor(private readonly rollouts: RolloutService) {}

  @RequireAbility('read', 'CatalogueRollout')
  @Query(() => CatalogueRolloutPreviewModel, {
    description:
      'What rolling a version out over a subtree would do to each tenant’s list, with the conflicts and the policy applied to each; writes nothing',
  })
  async catalogueRolloutPreview(
    @Args('input') input: RolloutTargetInput,
  ): Promise<CatalogueRolloutPreviewModel> {
    const preview = await this.rollouts.preview(input.versionId, input.tenantId);
    return {
      version: preview.version,
      diffs: preview.diffs.map(({ from, diff }) => diffModelOf(from, diff)),
      tenants: preview.tenants.map((summary) => ({
        ...summary,
        tenant: summary.tenant,
        conflicts: summary.conflicts.map(conflictModelOf),
      })),
    };
  }

  @RequireAbility('read', 'CatalogueRollout')
  @Query(() => String, { description: 'The preview as a spreadsheet (base64 XLSX)' })
  exportCatalogueRolloutPreview(@Args('input') input: RolloutTargetInput): Promise<string> {
    return this.rollouts.exportPreview(input.versionId, input.tenantId);
  }

  @RequireAbility('read', 'CatalogueRollout')
  @Query(() => [CatalogueRolloutModel], { description: 'Rollouts in sight, newest first' })
  catalogueRollouts(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<RolloutRecord[]> {
    return this.rollouts.list(Math.min(Math.max(first, 1), 100));
  }

  @RequireAbility('read', 'CatalogueRollout')
  @Query(() => CatalogueRolloutModel)
  catalogueRollout(
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<RolloutRecord> {
    return this.rollouts.get(id);
  }

  @RequireAbility('read', 'CatalogueRollout')
  @Query(() => String, {
    description:
      'A rollout’s audit as a spreadsheet (base64 XLSX): per tenant its outcome, each changed setting before and after, and the conflicts',
  })
  exportCatalogueRollout(
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<string> {
    return this.rollouts.export(id);
  }

  @RequireAbility('read', 'CatalogueRollout')
  @Query(() => [CountyCatalogueVersionsModel], {
    description: 'Per county of the subtree, the standard versions its list stands on',
  })
  catalogueVersionsHeld(
    @Args('tenantId', { type: () => ID }, new ParseUUIDPipe()) tenantId: string,
  ): Promise<CountyCatalogueVersionsModel[]> {
    return this.rollouts.versionsHeld(tenantId);
  }

  @RequireAbility('create', 'CatalogueRollout')
  @Mutation(() => CatalogueRolloutModel, {
    description: 'Start rolling a published version out over a subtree, in the background',
  })
  startCatalogueRollout(@Args('input') input: RolloutTargetInput): Promise<RolloutRecord> {
    return this.rollouts.start(input.versionId, input.tenantId);
  }

  @RequireAbility('update', 'CatalogueRollout')
  @Mutation(() => CatalogueRolloutModel, {
    description:
      'PAUSE, RESUME (also re-queues a running rollout’s ready steps), CANCEL, or RETRY the failed steps',
  })
  commandCatalogueRollout(
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
    @Args('command', { type: () => RolloutCommand }) command: RolloutCommand,
  ): Promise<RolloutRecord> {
    return this.rollouts.command(id, command);
  }

  @ResolveField(() => CatalogueVersionModel)
  version(@Parent() rollout: RolloutRecord) {
    return this.rollouts.version(rollout);
  }

  @ResolveField(() => RolloutTenantModel)
  tenant(@Parent() rollout: RolloutRecord) {
    return this.rollouts.tenant(rollout);
  }

  @ResolveField(() => [CatalogueRolloutEventModel], {
    description: 'Who started, paused, resumed, cancelled or retried it, oldest first',
  })
  history(@Parent() rollout: RolloutRecord): Promise<CatalogueRolloutEventModel[]> {
    return this.rollouts.history(rollout);
  }

  @ResolveField(() => CatalogueRolloutProgressModel)
  async progress(@Parent() rollout: RolloutRecord): Promise<CatalogueRolloutProgressModel> {
    const counts = await this.rollouts.counts(rollout);
    return {
      total: counts.PENDING + counts.DONE + counts.FAILED + counts.CANCELLED,
      done: counts.DONE,
      failed: counts.FAILED,
      pending: counts.PENDING,
      cancelled: counts.CANCELLED,
    };
  }

  @ResolveField(() => [CatalogueRolloutStepModel], {
    description: 'Steps in tree order (parents first), a page at a time',
  })
  async steps(
    @Parent() rollout: RolloutRecord,
    @Args('status', { type: () => RolloutStepStatus, nullable: true })
    status: RolloutStepStatus | null,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<CatalogueRolloutStepModel[]> {
    if (offset < 0 || first < 1 || first > 200) {
      throw new BadUserInputError('offset must be ≥ 0 and first between 1 and 200');
    }
    const steps = await this.rollouts.steps(rollout, {
      status: status ?? null,
      offset,
      first,
    });
    return steps.map((step) => ({ ...step, conflicts: step.conflicts.map(conflictModelOf) }));
  }
}

function conflictModelOf(conflict: RolloutConflict): RolloutConflictModel {
  return {
    code: conflict.code,
    itemCode: conflict.itemCode,
    field: conflict.field,
    before: describeValue(conflict.before),
    after: describeValue(conflict.after),
    policy: conflict.policy,
  };
}

const ref = (item: CatalogItem) => ({ code: item.code, name: item.name });

function diffModelOf(from: CatalogueVersionModel, diff: CatalogueDiff): CatalogueDiffModel {
  return {
    from,
    added: diff.added.map(ref),
    removed: diff.removed.map(ref),
    changed: diff.changed.map((change) => ({
      code: change.code,
      name: change.name,
      fields: change.fields.map((field) => String(field.field)),
    })),
    split: diff.split.map((split) => ({
      from: ref(split.from),
      to: split.to.map(ref),
      inheritor: split.inheritor,
    })),
    merged: diff.merged.map((merge) => ({
      from: merge.from.map(ref),
      to: ref(merge.to),
      inheritor: merge.inheritor,
    })),
    suspended: diff.suspended.map(ref),
  };
}
