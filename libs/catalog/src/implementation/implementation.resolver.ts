import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { pageOf, RequireAbility } from '@tongban/core';
import {
  AdoptCatalogueInput,
  ApplyMenuTemplateInput,
  ImplementationItemModel,
  ImplementationItemPage,
  ImplementationListInput,
  MenuChange,
  MenuTemplateInput,
  MenuTemplateModel,
  SetMenuInput,
  UpdateImplementationItemInput,
} from './implementation.graphql';
import { ImplementationService } from './implementation.service';

/** Implementation lists, menus and a county's menu templates. */
@Resolver(() => ImplementationItemModel)
export class ImplementationResolver {
  constructor(private readonly lists: ImplementationService) {}

  @RequireAbility('read', 'ImplementationItem')
  @Query(() => ImplementationItemPage, {
    description:
      "A tenant's implementation list (its menu, for a township or village), in code order",
  })
  async implementationItems(
    @Args('input') input: ImplementationListInput,
  ): Promise<ImplementationItemPage> {
    const rows = await this.lists.list(input.tenantId, { ...input, first: input.first + 1 });
    return pageOf(rows, input.first, (entry) => entry.code) as ImplementationItemPage;
  }

  @RequireAbility('read', 'ImplementationItem')
  @Query(() => String, {
    description:
      "A tenant's implementation list as the catalogue spreadsheet, with a 实施清单 sheet of what it localized (base64 XLSX)",
  })
  exportImplementationList(
    @Args('tenantId', { type: () => ID }, new ParseUUIDPipe()) tenantId: string,
  ): Promise<string> {
    return this.lists.export(tenantId);
  }

  @RequireAbility('create', 'ImplementationItem')
  @Mutation(() => Int, {
    description:
      "Adopt a published standard version into a county's list; returns how many items were added",
  })
  adoptCatalogue(@Args('input') input: AdoptCatalogueInput): Promise<number> {
    return this.lists.adopt({
      tenantId: input.tenantId,
      versionId: input.versionId,
      codes: input.codes ?? null,
    });
  }

  @RequireAbility('update', 'ImplementationItem')
  @Mutation(() => ImplementationItemModel)
  async updateImplementationItem(
    @Args('input') input: UpdateImplementationItemInput,
  ): Promise<ImplementationItemModel> {
    const updated = await this.lists.update({
      tenantId: input.tenantId,
      code: input.code,
      expectedVersion: input.expectedVersion,
      settings: {
        promisedLimit: input.promisedLimit.onTheSpot
          ? { onTheSpot: true }
          : { onTheSpot: false, workingDays: input.promisedLimit.workingDays ?? 0 },
        materials: input.materials.map((material) => ({
          ...material,
          notes: material.notes ?? null,
        })),
        address: input.address ?? null,
        phone: input.phone ?? null,
        officeHours: input.officeHours ?? null,
        feeNote: input.feeNote ?? null,
        notes: input.notes ?? null,
      },
      lockedElements: {
        name: input.name ?? undefined,
        code: undefined,
        type: input.type ?? undefined,
        competentDepartment: input.competentDepartment ?? undefined,
        implementingLevel: input.implementingLevel ?? undefined,
        legalBasis: input.legalBasis ?? undefined,
      },
    });
    return updated as ImplementationItemModel;
  }

  @RequireAbility('update', 'ImplementationItem')
  @Mutation(() => MenuChange, {
    description: "Set a township's or village's menu to items of its parent's list",
  })
  async setMenu(@Args('input') input: SetMenuInput): Promise<MenuChange> {
    return { ...(await this.lists.setMenu(input.tenantId, input.codes)), skipped: [] };
  }

  @RequireAbility('read', 'MenuTemplate')
  @Query(() => [MenuTemplateModel])
  menuTemplates(
    @Args('countyId', { type: () => ID }, new ParseUUIDPipe()) countyId: string,
  ): Promise<MenuTemplateModel[]> {
    return this.lists.templatesOf(countyId);
  }

  @RequireAbility('update', 'MenuTemplate')
  @Mutation(() => MenuTemplateModel)
  saveMenuTemplate(@Args('input') input: MenuTemplateInput): Promise<MenuTemplateModel> {
    return this.lists.saveTemplate({ ...input, id: input.id ?? null });
  }

  @RequireAbility('update', 'MenuTemplate')
  @Mutation(() => Boolean)
  deleteMenuTemplate(
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<boolean> {
    return this.lists.deleteTemplate(id);
  }

  @RequireAbility('update', 'ImplementationItem')
  @Mutation(() => MenuChange, {
    description: "Give a township or village the menu of one of its county's templates",
  })
  applyMenuTemplate(@Args('input') input: ApplyMenuTemplateInput): Promise<MenuChange> {
    return this.lists.applyTemplate(input.tenantId, input.templateId);
  }
}
