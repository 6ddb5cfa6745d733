import type { TenantKind } from '@tongban/core';
import { CatalogueVersionStatus } from './catalogue-version';
import type { CatalogItem, TimeLimit } from './item';
import { handlingAt, ItemHandling } from './menu';

/**
 * Intake from the menu (DESIGN.md §4.1): a center takes in only the items on its menu, as the
 * standard version they were adopted from still stands, and only what its tier may handle or
 * take in. What was received is kept as it was then (a snapshot), whatever changes later.
 */

/** Why an item cannot be taken in here. */
export enum IntakeRefusal {
  /** Not on this center's menu (or nothing it can see). */
  NOT_ON_MENU = 'ITEM_NOT_ON_MENU',
  /**
   * The standard version the entry came from has been retired, or a clean-up round removed or
   * suspended the item while applications were open (kept for those only).
   */
  RETIRED = 'ITEM_RETIRED',
  /** The catalogue lets this tier neither handle nor take in the item. */
  NOT_AT_THIS_TIER = 'ITEM_NOT_AT_THIS_TIER',
  /** Handling was asked for, but this tier may only take the item in and pass it up. */
  INTAKE_ONLY = 'ITEM_INTAKE_ONLY',
}

/** An item as an application records it at intake. */
export interface IntakeItem {
  versionId: string;
  code: string;
  name: string;
  statutoryLimit: TimeLimit;
  promisedLimit: TimeLimit;
  handling: ItemHandling.HANDLE | ItemHandling.INTAKE_ONLY;
}

/** A menu entry as intake needs it. */
export interface MenuEntry {
  sourceVersionId: string;
  /** Kept for open applications only (a clean-up round removed or suspended the item). */
  readOnly?: boolean;
  versionStatus: CatalogueVersionStatus;
  promisedLimit: TimeLimit;
  standard: Pick<
    CatalogItem,
    'code' | 'name' | 'statutoryLimit' | 'handlingTiers' | 'intakeOnlyTiers'
  >;
}

/**
 * The snapshot to record, or why the entry cannot be taken in at a center of `kind`.
 * `wantsHandling`: the center means to decide the application itself.
 */
export function intakeItemOf(
  entry: MenuEntry | undefined,
  kind: TenantKind,
  wantsHandling = false,
): IntakeItem | IntakeRefusal {
  if (!entry) return IntakeRefusal.NOT_ON_MENU;
  if (entry.readOnly || entry.versionStatus !== CatalogueVersionStatus.PUBLISHED) {
    return IntakeRefusal.RETIRED;
  }
  const handling = handlingAt(entry.standard, kind);
  if (handling === ItemHandling.NONE) return IntakeRefusal.NOT_AT_THIS_TIER;
  if (wantsHandling && handling !== ItemHandling.HANDLE) return IntakeRefusal.INTAKE_ONLY;
  return {
    versionId: entry.sourceVersionId,
    code: entry.standard.code,
    name: entry.standard.name,
    statutoryLimit: entry.standard.statutoryLimit,
    promisedLimit: entry.promisedLimit,
    handling,
  };
}
