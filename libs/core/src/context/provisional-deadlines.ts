import { EntityManager } from 'typeorm';

/**
 * Deadlines counted into a year whose holidays were not published yet are provisional
 * (weekends alone). Once a year is entered, the calendar's owner asks for them to be counted
 * again. Provided by @tongban/workflow, which owns applications; runs in the caller's scoped
 * transaction, over the applications it can see.
 */
export abstract class ProvisionalDeadlines {
  /** Counts again every open application's provisional deadlines; returns how many changed. */
  abstract recount(manager: EntityManager): Promise<number>;
}
