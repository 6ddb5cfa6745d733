import { EntityManager } from 'typeorm';

/** What a menu template gave a center: items added, and those its parent's list lacks. */
export interface MenuApplied {
  added: number;
  skipped: string[];
}

/**
 * Centers' item menus as onboarding needs them, for tenancy (which stands on core alone).
 * Provided by @tongban/catalog, which owns implementation lists and menu templates.
 */
export abstract class CenterMenus {
  /**
   * Gives a center the items of a county's menu template that its parent's list holds, in the
   * caller's transaction, as the acting user may (NOT_FOUND / FORBIDDEN / BAD_USER_INPUT).
   */
  abstract applyTemplate(tenantId: string, templateId: string): Promise<MenuApplied>;

  /** How many items each tenant's list or menu holds (0 for none), in the caller's sight. */
  abstract itemCounts(
    manager: EntityManager,
    tenantIds: readonly string[],
  ): Promise<Map<string, number>>;
}
