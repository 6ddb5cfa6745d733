import { Injectable } from '@nestjs/common';
import { NotFoundError, OpenApplications } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { type CatalogueDiff, diffCatalogues, mappingProblems } from '../core/catalogue-diff';
import type { CatalogItem } from '../core/item';
import type { LocalSettings } from '../core/localization';
import { type EntryOutcome, planTenantRollout, type RolloutConflict } from '../core/rollout-plan';
import { ImplementationRepository } from '../implementation/implementation.repository';
import { CatalogueRepository, type CatalogueVersionRecord } from '../standard/catalogue.repository';

/** The changes from a version a list stands on to the version rolled out. */
export interface VersionPair {
  from: CatalogueVersionRecord;
  diff: CatalogueDiff;
  newItems: ReadonlyMap<string, CatalogItem>;
}

export interface TenantPlan {
  outcomes: EntryOutcome[];
  conflicts: RolloutConflict[];
  pairs: VersionPair[];
}

/** Diffs kept in memory (published versions never change, so a diff never goes stale). */
const DIFF_CACHE_SIZE = 16;

/** What a rollout does to one tenant's list, read in the caller's scoped transaction. */
@Injectable()
export class RolloutPlanner {
  private readonly diffs = new Map<string, Promise<VersionPair>>();

  constructor(
    private readonly lists: ImplementationRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly openApplications: OpenApplications,
  ) {}

  /** The plan for one tenant's list: its entries grouped by the version each stands on. */
  async planFor(
    manager: EntityManager,
    tenantId: string,
    version: CatalogueVersionRecord,
  ): Promise<TenantPlan> {
    const entries = (await this.lists.all(manager, tenantId)).filter(
      (entry) => entry.sourceVersionId !== version.id && !entry.readOnly,
    );
    const bySource = new Map<string, typeof entries>();
    for (const entry of entries) {
      bySource.set(entry.sourceVersionId, [...(bySource.get(entry.sourceVersionId) ?? []), entry]);
    }
    const open = bySource.size
      ? await this.openApplications.openItemCodes(manager, tenantId)
      : new Set<string>();
    const result: TenantPlan = { outcomes: [], conflicts: [], pairs: [] };
    for (const [sourceId, group] of bySource) {
      const pair = await this.pair(manager, sourceId, version);
      const plan = planTenantRollout({
        diff: pair.diff,
        newItems: pair.newItems,
        entries: group.map((entry) => ({ code: entry.code, settings: settingsOf(entry) })),
        openApplicationCodes: open,
      });
      result.outcomes.push(...plan.outcomes);
      result.conflicts.push(...plan.conflicts);
      result.pairs.push(pair);
    }
    return result;
  }

  /** The diff from `fromId` to `to`, with the publisher's mappings that apply to that pair. */
  private pair(
    manager: EntityManager,
    fromId: string,
    to: CatalogueVersionRecord,
  ): Promise<VersionPair> {
    const key = `${fromId}>${to.id}`;
    let found = this.diffs.get(key);
    if (!found) {
      found = (async () => {
        const from = await this.catalogue.findVersion(manager, fromId);
        if (!from) throw new NotFoundError('A version the list stands on is out of sight');
        const before = await this.catalogue.allItems(manager, from);
        const after = await this.catalogue.allItems(manager, to);
        // Mappings are stated against the version before; against an older one, those whose
        // items are not there do not apply.
        const mappings = to.mappings.filter(
          (mapping) => mappingProblems(before, after, [mapping]).length === 0,
        );
        return {
          from,
          diff: diffCatalogues(before, after, mappings),
          newItems: new Map(after.map((item) => [item.code, item])),
        };
      })();
      this.diffs.set(key, found);
      found.catch(() => this.diffs.delete(key));
      if (this.diffs.size > DIFF_CACHE_SIZE) this.diffs.delete(this.diffs.keys().next().value!);
    }
    return found;
  }
}

function settingsOf(entry: LocalSettings): LocalSettings {
  const { promisedLimit, materials, address, phone, officeHours, feeNote, notes } = entry;
  return { promisedLimit, materials, address, phone, officeHours, feeNote, notes };
}
