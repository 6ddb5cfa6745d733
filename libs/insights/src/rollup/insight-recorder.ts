import { Injectable } from '@nestjs/common';
import { type ApplicationFact, InsightFacts } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { type Counters, counterDifference } from '../figures/counters';
import { monthOf } from '../figures/period';
import { InsightFactsRepository } from './insight-facts.repository';

/**
 * Core's InsightFacts port: keeps each application's facts and moves the counters by what
 * changed, in the caller's transaction (so the figures move with the lifecycle, exactly once).
 * Locks the fact row before the counter rows, and those in day and item order.
 */
@Injectable()
export class InsightRecorder extends InsightFacts {
  constructor(private readonly facts: InsightFactsRepository) {
    super();
  }

  async recordApplication(manager: EntityManager, fact: ApplicationFact): Promise<void> {
    const before = await this.facts.lockFact(manager, fact.tenantId, fact.applicationId);
    const groups = counterDifference(before, fact);
    for (const group of groups) {
      await this.facts.moveCounters(
        manager,
        { tenantId: fact.tenantId, day: group.day, itemCode: group.itemCode },
        group.moves,
      );
    }
    // Then the months (after every day row: one lock order), all items together.
    for (const { month, moves } of byMonth(groups)) {
      await this.facts.moveMonthCounters(manager, { tenantId: fact.tenantId, month }, moves);
    }
    await this.facts.writeFact(manager, fact);
  }

  unrecorded(
    manager: EntityManager,
    tenantId: string,
    applicationIds: readonly string[],
  ): Promise<string[]> {
    return this.facts.unrecorded(manager, tenantId, applicationIds);
  }

  async recordConsultation(
    manager: EntityManager,
    consultation: { tenantId: string; itemCode: string | null; on: string },
  ): Promise<void> {
    await this.facts.moveCounters(
      manager,
      {
        tenantId: consultation.tenantId,
        day: consultation.on,
        itemCode: consultation.itemCode ?? '',
      },
      { consultations: 1 },
    );
    await this.facts.moveMonthCounters(
      manager,
      { tenantId: consultation.tenantId, month: monthOf(consultation.on).from },
      { consultations: 1 },
    );
  }
}

/** Day groups summed by month (first day), in month order. */
function byMonth(
  groups: { day: string; moves: Partial<Counters> }[],
): { month: string; moves: Partial<Counters> }[] {
  const months = new Map<string, Partial<Counters>>();
  for (const group of groups) {
    const month = monthOf(group.day).from;
    const sums = months.get(month) ?? {};
    for (const [counter, amount] of Object.entries(group.moves) as [keyof Counters, number][]) {
      sums[counter] = Math.round(((sums[counter] ?? 0) + amount) * 100) / 100;
    }
    months.set(month, sums);
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, moves]) => ({ month, moves }));
}
