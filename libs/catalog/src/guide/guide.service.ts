import { Injectable } from '@nestjs/common';
import { NotFoundError, type TenantNode, TenantScope, TenantTree } from '@tongban/core';
import { DataSource, EntityManager } from 'typeorm';
import { handlingAt, type ItemHandling } from '../core/menu';
import { oneTimeNotification, type OneTimeNotification } from '../core/one-time-notification';
import type { ItemFilter } from '../standard/catalogue.repository';
import {
  type ImplementationItemRecord,
  ImplementationRepository,
} from '../implementation/implementation.repository';

/** One item of a center's service guide: its list entry with what the center may do with it. */
export type ServiceGuide = ImplementationItemRecord & { handling: ItemHandling };

/** The same answer for an unknown code and for a center not serving: a code reveals nothing. */
const NO_SUCH_CENTER = 'No service guide for this division code';

/**
 * The public service guide (办事指南) and one-time notification (一次性告知), generated from
 * a center's implementation list (DESIGN.md §4.1). Anyone may read them, without logging in:
 * each read runs in the found center's own RLS scope, with no actor.
 */
@Injectable()
export class GuideService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: TenantScope,
    private readonly tree: TenantTree,
    private readonly lists: ImplementationRepository,
  ) {}

  /** An active center; NOT_FOUND for an unknown, onboarding or suspended one alike. */
  async center(divisionCode: string): Promise<TenantNode> {
    // The tenant tree is a shared reference table (no RLS); the port filters what is public.
    const center = await this.tree.findServing(this.dataSource.manager, divisionCode);
    if (!center) throw new NotFoundError(NO_SUCH_CENTER);
    return center;
  }

  async items(divisionCode: string, filter: ItemFilter): Promise<ServiceGuide[]> {
    return this.read(divisionCode, async (manager, center) =>
      (await this.lists.list(manager, center.id, { ...filter, menuOnly: true })).map((row) =>
        guideOf(row, center),
      ),
    );
  }

  departments(divisionCode: string): Promise<string[]> {
    return this.read(divisionCode, (manager, center) => this.lists.departments(manager, center.id));
  }

  item(divisionCode: string, code: string): Promise<ServiceGuide> {
    return this.read(divisionCode, (manager, center) => this.entry(manager, center, code));
  }

  /** What the applicant still lacks of the item's materials, given the names they have. */
  notification(
    divisionCode: string,
    code: string,
    presentMaterials: string[],
  ): Promise<ServiceGuide & OneTimeNotification> {
    return this.read(divisionCode, async (manager, center) => {
      const guide = await this.entry(manager, center, code);
      return { ...guide, ...oneTimeNotification(guide.materials, presentMaterials) };
    });
  }

  private async entry(
    manager: EntityManager,
    center: TenantNode,
    code: string,
  ): Promise<ServiceGuide> {
    const row = await this.lists.find(manager, center.id, code);
    if (!row || row.readOnly) throw new NotFoundError('No such item in this service guide');
    return guideOf(row, center);
  }

  /** In the center's own scope (its list; the standard items through ancestor_read), no actor. */
  private async read<T>(
    divisionCode: string,
    work: (manager: EntityManager, center: TenantNode) => Promise<T>,
  ): Promise<T> {
    const center = await this.center(divisionCode);
    return this.scope.runIn({ tenantId: center.id, visibility: 'tenant', actorId: null }, (m) =>
      work(m, center),
    );
  }
}

function guideOf(row: ImplementationItemRecord, center: TenantNode): ServiceGuide {
  return { ...row, handling: handlingAt(row.standard, center.kind) };
}
