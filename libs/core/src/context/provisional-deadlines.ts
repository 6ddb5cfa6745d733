import { EntityManager } from 'typeorm';

/**
 * Deadlines counted into a year whose holidays were not published yet are provisional
 * (weekends alone). Once a year is entered, the calendar's owner asks for them to be counted
 * again. Provided by @tongban/workflow, which owns applications; runs in the caller's scoped
 * transaction, over the applications it can see.
 */
export abstract class ProvisionalDeadlines {
  /**
   * Counts again the deadlines of the open applications in sight: those counted provisionally
   * (a year was entered), or all of them (a tenant's local days or hours changed). Returns how
   * many were counted.
   */
  abstract recount(manager: EntityManager, which: 'provisional' | 'all'): Promise<number>;
}
