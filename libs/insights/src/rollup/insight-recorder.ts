import { Injectable } from '@nestjs/common';
import { type ApplicationFact, InsightFacts } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { counterDifference } from '../figures/counters';
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
    for (const group of counterDifference(before, fact)) {
      await this.facts.moveCounters(
        manager,
        { tenantId: fact.tenantId, day: group.day, itemCode: group.itemCode },
        group.moves,
      );
    }
    await this.facts.writeFact(manager, fact);
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
  }
}
