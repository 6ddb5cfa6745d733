import { Injectable } from '@nestjs/common';
import type { TenantKind } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { type IntakeItem, intakeItemOf, IntakeRefusal } from '../core/intake';
import type { Material } from '../core/item';
import { CatalogueRepository } from '../standard/catalogue.repository';
import { ImplementationRepository } from './implementation.repository';

/**
 * The catalogue's port for intake (workflow stands on it): what a center may take in, read in
 * the caller's scoped transaction.
 */
@Injectable()
export class IntakeMenu {
  constructor(
    private readonly lists: ImplementationRepository,
    private readonly catalogue: CatalogueRepository,
  ) {}

  /** The item `code` of the center's menu as intake records it, or why it cannot be taken in. */
  async itemFor(
    manager: EntityManager,
    center: { id: string; kind: TenantKind },
    code: string,
    wantsHandling = false,
  ): Promise<IntakeItem | IntakeRefusal> {
    const entry = await this.lists.find(manager, center.id, code);
    if (!entry) return IntakeRefusal.NOT_ON_MENU;
    const version = await this.catalogue.findVersion(manager, entry.sourceVersionId);
    if (!version) return IntakeRefusal.NOT_ON_MENU;
    return intakeItemOf({ ...entry, versionStatus: version.status }, center.kind, wantsHandling);
  }

  /**
   * The materials a center asks for an item (its list entry, as localized), for the one-time
   * notification of a supplement; null when the item is not on the center's list.
   */
  async materialsFor(
    manager: EntityManager,
    centerId: string,
    code: string,
  ): Promise<Material[] | null> {
    const entry = await this.lists.find(manager, centerId, code);
    return entry ? entry.materials : null;
  }

  /** The windows a center's list names as handling the item (none named: any window). */
  async windowsFor(manager: EntityManager, centerId: string, code: string): Promise<string[]> {
    const entry = await this.lists.find(manager, centerId, code);
    return entry?.windowIds ?? [];
  }
}
