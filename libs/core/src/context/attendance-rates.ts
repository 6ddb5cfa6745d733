import { EntityManager } from 'typeorm';
import type { TenantNode } from './tenant-tree';

/**
 * Each staff member's attendance in a month, for the insights' monthly assessment: the share of
 * the month's working days (so far) they were present, 0–1. Provided by @tongban/workflow,
 * which keeps the clock events and knows the calendar; only people of a center that keeps
 * attendance (some event in the month) have a rate. Read in the caller's transaction.
 */
export abstract class AttendanceRates {
  abstract ratesOf(
    manager: EntityManager,
    tenant: TenantNode,
    month: string,
  ): Promise<Map<string, number>>;
}
