import { JobHandler, JobProcessor } from '@tongban/core';
import { DeadlineSweep, type SweepResult } from './deadline-sweep';

/** Repeatable chore: the deadline sweep over every tree (DESIGN.md §4.4). */
@JobProcessor({ name: 'supervision.deadline-sweep', scope: 'platform' })
export class DeadlineSweepJob implements JobHandler {
  constructor(private readonly sweep: DeadlineSweep) {}

  process(): Promise<SweepResult> {
    return this.sweep.sweepAll();
  }
}
