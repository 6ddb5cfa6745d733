import { Injectable } from '@nestjs/common';
import {
  type CenterMenus,
  abilityFor,
  AuditRepository,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RequestContext,
  subject,
  TenantKind,
  TenantNode,
  TenantScope,
  TenantTree,
} from '@tongban/core';
import { EntityManager } from 'typeorm';
import { adoptable } from '../core/catalogue-version';
import { writeCatalogueSheets } from '../core/catalogue-sheet';
import {
  implementationItemsForSheet,
  writeImplementationSheet,
} from '../core/implementation-sheet';
import { writeCatalogueWorkbook } from '../spreadsheet/catalogue-workbook';
import { type LockedElement, ServiceTier } from '../core/item';
import {
  type LocalSettings,
  localizationProblems,
  lockedElementsChanged,
} from '../core/localization';
import { handlingAt, ItemHandling, outsideParent } from '../core/menu';
import { CatalogueRepository, type ItemFilter } from '../standard/catalogue.repository';
import { ImplementationItemRecord, ImplementationRepository } from './implementation.repository';
import { MenuTemplateRecord, MenuTemplateRepository } from './menu-template.repository';

/** An entry with what its owner may do with the item (decide it, or only take it in). */
export type ImplementationEntry = ImplementationItemRecord & { handling: ItemHandling };

/**
 * Implementation lists (实施清单) and menus: a county adopts the standard and localizes it
 * within the rules; a township's or village's list — its menu — is a subset of its parent's,
 * set by hand or from one of the county's tier templates.
 */
@Injectable()
export class ImplementationService implements CenterMenus {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly tree: TenantTree,
    private readonly lists: ImplementationRepository,
    private readonly templates: MenuTemplateRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly audit: AuditRepository,
  ) {}

  list(tenantId: string, filter: ItemFilter): Promise<ImplementationEntry[]> {
    return this.scope.run(async (manager) => {
      const tenant = await this.owner(manager, tenantId, 'read');
      return (await this.lists.list(manager, tenant.id, filter)).map((row) => entryOf(row, tenant));
    });
  }

  /**
   * A tenant's whole list as the catalogue spreadsheet (base64 XLSX), with a 实施清单 sheet of
   * what the tenant localized.
   */
  async export(tenantId: string): Promise<string> {
    const entries = await this.scope.run(async (manager) => {
      const tenant = await this.owner(manager, tenantId, 'read');
      return this.lists.all(manager, tenant.id);
    });
    const sheets = {
      ...writeCatalogueSheets(implementationItemsForSheet(entries)),
      ...writeImplementationSheet(entries),
    };
    return (await writeCatalogueWorkbook(sheets)).toString('base64');
  }

  /** Adopts a published standard version (all its items, or `codes`) into a county's list. */
  adopt(input: { tenantId: string; versionId: string; codes: string[] | null }): Promise<number> {
    return this.scope.run(async (manager) => {
      const tenant = await this.owner(manager, input.tenantId, 'create', true);
      if (tenant.kind !== TenantKind.COUNTY) {
        throw new BadUserInputError(
          'A county adopts the standard; centers below take from its list',
          {
            reason: 'NOT_A_COUNTY',
          },
        );
      }
      const version = await this.catalogue.findVersion(manager, input.versionId);
      if (!version) throw new NotFoundError('No such catalogue version');
      if (!adoptable(version.status)) {
        throw new ConflictError('Only a published catalogue version is adopted', {
          reason: 'NOT_PUBLISHED',
        });
      }
      const added = await this.lists.adopt(manager, tenant.id, version, input.codes);
      await this.audit.record(manager, {
        tenantId: tenant.id,
        actorId: this.context.actor.userId,
        action: 'CATALOGUE_ADOPTED',
        subjectId: version.id,
        details: { added, label: version.label },
      });
      return added;
    });
  }

  /**
   * Changes an entry's local settings. The six locked elements stay the standard's (a change
   * names the field); the limit, materials and the rest follow `localizationProblems`. With
   * `expectedVersion`, a concurrent edit in between is a CONFLICT instead of lost.
   */
  update(input: {
    tenantId: string;
    code: string;
    expectedVersion: number;
    settings: LocalSettings;
    lockedElements: Partial<Record<LockedElement, unknown>>;
  }): Promise<ImplementationEntry> {
    return this.scope.run(async (manager) => {
      const tenant = await this.owner(manager, input.tenantId, 'update', true);
      const entry = await this.lists.find(manager, tenant.id, input.code, true);
      if (!entry) throw new NotFoundError('No such item on this implementation list');
      const locked = lockedElementsChanged(entry.standard, input.lockedElements);
      if (locked.length) {
        throw new BadUserInputError(`${locked.join(', ')} is fixed by the standard catalogue`, {
          reason: 'LOCKED_ELEMENT',
          field: locked[0],
          fields: locked,
        });
      }
      const problems = localizationProblems(entry.standard, input.settings);
      if (problems.length) {
        throw new BadUserInputError(problems.map((problem) => problem.message).join('; '), {
          reason: problems[0].code,
          field: problems[0].field,
          problems: problems.map(({ code, field }) => ({ code, field })),
        });
      }
      if (
        !(await this.lists.update(
          manager,
          entry,
          { ...input.settings, windowIds: entry.windowIds },
          input.expectedVersion,
        ))
      ) {
        throw new ConflictError('The entry was changed meanwhile: reload it and try again', {
          reason: 'STALE_VERSION',
          currentVersion: entry.version,
        });
      }
      await this.audit.record(manager, {
        tenantId: tenant.id,
        actorId: this.context.actor.userId,
        action: 'IMPLEMENTATION_ITEM_CHANGED',
        subjectId: tenant.id,
        details: { code: entry.code },
      });
      return entryOf((await this.lists.find(manager, tenant.id, entry.code))!, tenant);
    });
  }

  /** How many entries each tenant's list holds (CenterMenus, for the onboarding checklist). */
  itemCounts(manager: EntityManager, tenantIds: readonly string[]): Promise<Map<string, number>> {
    return this.lists.counts(manager, tenantIds);
  }

  /** Sets a township's or village's menu to `codes` of its parent's list. */
  setMenu(tenantId: string, codes: string[]): Promise<{ added: number; removed: number }> {
    return this.scope.run(async (manager) => {
      const tenant = await this.owner(manager, tenantId, 'update', true);
      return this.applyMenu(manager, tenant, [...new Set(codes)], 'MENU_SET');
    });
  }

  templatesOf(countyId: string): Promise<MenuTemplateRecord[]> {
    return this.scope.run(async (manager) => {
      const county = await this.templateOwner(manager, countyId, 'read');
      return this.templates.list(manager, county.id);
    });
  }

  saveTemplate(input: {
    countyId: string;
    id: string | null;
    name: string;
    tier: ServiceTier.TOWNSHIP | ServiceTier.VILLAGE;
    itemCodes: string[];
  }): Promise<MenuTemplateRecord> {
    return this.scope.run(async (manager) => {
      const county = await this.templateOwner(manager, input.countyId, 'update', true);
      const name = input.name.trim();
      if (!name) throw new BadUserInputError('A menu template needs a name', { field: 'name' });
      const codes = [...new Set(input.itemCodes)];
      await this.assertWithinList(manager, county.id, codes);
      if (input.tier === ServiceTier.VILLAGE)
        await this.assertVillageMay(manager, county.id, codes);
      if (input.id) {
        const existing = await this.templates.find(manager, input.id);
        if (!existing || existing.tenantId !== county.id)
          throw new NotFoundError('No such menu template');
      }
      const id = await this.templates.save(manager, {
        id: input.id,
        tenantId: county.id,
        name,
        tier: input.tier,
        itemCodes: codes,
      });
      if (!id) throw new ConflictError(`A menu template is already called ${name}`);
      return (await this.templates.find(manager, id))!;
    });
  }

  deleteTemplate(id: string): Promise<boolean> {
    return this.scope.run(async (manager) => {
      const template = await this.requireTemplate(manager, id, 'update');
      await this.templates.delete(manager, template);
      return true;
    });
  }

  /**
   * Gives a township or village the menu of a template: the template's items that its
   * parent's list holds (a village under a township gets what the township offers).
   */
  applyTemplate(
    tenantId: string,
    templateId: string,
  ): Promise<{ added: number; removed: number; skipped: string[] }> {
    return this.scope.run(async (manager) => {
      const tenant = await this.owner(manager, tenantId, 'update', true);
      const template = await this.requireTemplate(manager, templateId, 'read');
      if (!tenant.path.includes(template.tenantId))
        throw new NotFoundError('No such menu template');
      if ((template.tier as string) !== (tenant.kind as string)) {
        throw new BadUserInputError(
          `A ${template.tier.toLowerCase()} menu is for ${template.tier.toLowerCase()} centers`,
          {
            reason: 'WRONG_TIER',
          },
        );
      }
      const parentCodes = await this.lists.codes(manager, tenant.parentId!);
      const skipped = outsideParent(template.itemCodes, parentCodes);
      const codes = template.itemCodes.filter((code) => parentCodes.has(code));
      return {
        ...(await this.applyMenu(manager, tenant, codes, 'MENU_TEMPLATE_APPLIED')),
        skipped,
      };
    });
  }

  private async applyMenu(
    manager: EntityManager,
    tenant: TenantNode,
    codes: string[],
    action: 'MENU_SET' | 'MENU_TEMPLATE_APPLIED',
  ): Promise<{ added: number; removed: number }> {
    if (tenant.kind !== TenantKind.TOWNSHIP && tenant.kind !== TenantKind.VILLAGE) {
      throw new BadUserInputError('Menus are for township centers and village stations', {
        reason: 'NOT_A_CENTER',
      });
    }
    await this.assertWithinList(manager, tenant.parentId!, codes);
    if (tenant.kind === TenantKind.VILLAGE)
      await this.assertVillageMay(manager, tenant.parentId!, codes);
    const result = await this.lists.setFromParent(manager, tenant, tenant.parentId!, codes);
    await this.audit.record(manager, {
      tenantId: tenant.id,
      actorId: this.context.actor.userId,
      action,
      subjectId: tenant.id,
      details: { ...result, items: codes.length },
    });
    return result;
  }

  /** Every code is on the list of `listOwnerId` (the county's, or a center's parent's). */
  private async assertWithinList(
    manager: EntityManager,
    listOwnerId: string,
    codes: string[],
  ): Promise<void> {
    const outside = outsideParent(codes, await this.lists.codes(manager, listOwnerId));
    if (outside.length) {
      throw new BadUserInputError(`Not on the implementation list above: ${outside.join(', ')}`, {
        reason: 'OUTSIDE_PARENT_LIST',
        codes: outside,
      });
    }
  }

  /** A village takes in only what the catalogue lets a village take in or handle. */
  private async assertVillageMay(
    manager: EntityManager,
    listOwnerId: string,
    codes: string[],
  ): Promise<void> {
    const refused = (await this.lists.findEach(manager, listOwnerId, codes))
      .filter((entry) => handlingAt(entry.standard, TenantKind.VILLAGE) === ItemHandling.NONE)
      .map((entry) => entry.code);
    if (refused.length) {
      throw new BadUserInputError(
        `The catalogue does not let villages take these in: ${refused.join(', ')}`,
        {
          reason: 'NOT_FOR_VILLAGES',
          codes: refused,
        },
      );
    }
  }

  /** A tenant whose list the actor may `action` (NOT_FOUND outside sight, FORBIDDEN else). */
  private async owner(
    manager: EntityManager,
    id: string,
    action: 'read' | 'create' | 'update',
    lock = false,
  ): Promise<TenantNode> {
    const tenant = await this.tree.require(manager, id, 'read', lock);
    this.assertMay(action, 'ImplementationItem', tenant);
    return tenant;
  }

  private async templateOwner(
    manager: EntityManager,
    id: string,
    action: 'read' | 'update',
    lock = false,
  ): Promise<TenantNode> {
    const county = await this.tree.require(manager, id, 'read', lock);
    if (county.kind !== TenantKind.COUNTY) {
      throw new BadUserInputError('Menu templates belong to a county', { reason: 'NOT_A_COUNTY' });
    }
    this.assertMay(action, 'MenuTemplate', county);
    return county;
  }

  private async requireTemplate(
    manager: EntityManager,
    id: string,
    action: 'read' | 'update',
  ): Promise<MenuTemplateRecord> {
    const template = await this.templates.find(manager, id);
    if (!template) throw new NotFoundError('No such menu template');
    await this.templateOwner(manager, template.tenantId, action);
    return template;
  }

  private assertMay(
    action: 'read' | 'create' | 'update',
    name: 'ImplementationItem' | 'MenuTemplate',
    tenant: TenantNode,
  ): void {
    const record = subject(name, { tenantId: tenant.id, tenantPath: tenant.path });
    if (!abilityFor(this.context.actor).can(action, record)) {
      throw new ForbiddenError(
        name === 'MenuTemplate'
          ? `You may not ${action} this county's menu templates`
          : `You may not ${action} this tenant's implementation list`,
      );
    }
  }
}

function entryOf(row: ImplementationItemRecord, owner: TenantNode): ImplementationEntry {
  return { ...row, handling: handlingAt(row.standard, owner.kind) };
}
