import { EntityManager } from 'typeorm';

/**
 * The names of windows and staff, for domains that stand on core alone (the insights' monthly
 * assessment names the windows and people it ranks). Provided by @tongban/tenancy, which owns
 * them; read in the caller's scoped transaction (row-level security bounds what is named).
 */
export abstract class WorkplaceNames {
  abstract windowNames(
    manager: EntityManager,
    windowIds: readonly string[],
  ): Promise<Map<string, string>>;

  /** Who works each window (the staff assigned to it). */
  abstract windowStaff(
    manager: EntityManager,
    windowIds: readonly string[],
  ): Promise<Map<string, string[]>>;

  abstract staffNames(
    manager: EntityManager,
    userIds: readonly string[],
  ): Promise<Map<string, string>>;
}
