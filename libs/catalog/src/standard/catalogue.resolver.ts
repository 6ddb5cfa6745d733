import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BadUserInputError } from '@tongban/core';
import { pageOf, RequireAbility } from '@tongban/core';
import { ParseUUIDPipe } from '@nestjs/common';
import {
  CatalogueImportModel,
  CatalogueItemModel,
  CatalogueItemPage,
  CatalogueItemsInput,
  CatalogueVersionInput,
  CatalogueVersionModel,
  ImportCatalogueInput,
} from './catalogue.graphql';
import {
  ItemMappingModel,
  mappingModelOf,
  mappingOf,
  SetCatalogueMappingsInput,
} from './catalogue-mappings.graphql';
import type { CatalogueVersionRecord } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';

/** The standard catalogue: read by every tenant below its publisher, managed at the province. */
@Resolver(() => CatalogueVersionModel)
export class CatalogueResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @RequireAbility('read', 'Catalogue')
  @Query(() => [CatalogueVersionModel], {
    description:
      'The standard catalogue versions published above (and, at the province, drafts too)',
  })
  catalogueVersions(): Promise<CatalogueVersionModel[]> {
    return this.catalogue.versions();
  }

  @RequireAbility('read', 'Catalogue')
  @Query(() => CatalogueVersionModel)
  catalogueVersion(
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<CatalogueVersionModel> {
    return this.catalogue.version(id);
  }

  @RequireAbility('read', 'Catalogue')
  @Query(() => CatalogueItemPage, {
    description: "A version's items in code order, a page at a time",
  })
  async catalogueItems(@Args('input') input: CatalogueItemsInput): Promise<CatalogueItemPage> {
    const rows = await this.catalogue.items(input.versionId, { ...input, first: input.first + 1 });
    return pageOf(rows, input.first, (item) => item.code);
  }

  @RequireAbility('read', 'Catalogue')
  @Query(() => CatalogueItemModel)
  catalogueItem(
    @Args('versionId', { type: () => ID }, new ParseUUIDPipe()) versionId: string,
    @Args('code') code: string,
  ): Promise<CatalogueItemModel> {
    return this.catalogue.item(versionId, code);
  }

  @RequireAbility('read', 'Catalogue')
  @Query(() => [String], { description: 'The competent departments of a version, for filters' })
  catalogueDepartments(
    @Args('versionId', { type: () => ID }, new ParseUUIDPipe()) versionId: string,
  ): Promise<string[]> {
    return this.catalogue.departments(versionId);
  }

  @RequireAbility('read', 'Catalogue')
  @Query(() => String, { description: 'A version as the catalogue spreadsheet (base64 XLSX)' })
  exportCatalogue(
    @Args('versionId', { type: () => ID }, new ParseUUIDPipe()) versionId: string,
  ): Promise<string> {
    return this.catalogue.export(versionId);
  }

  @RequireAbility('manage', 'Catalogue')
  @Query(() => CatalogueImportModel)
  catalogueImport(
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<CatalogueImportModel> {
    return this.catalogue.catalogueImport(id);
  }

  @RequireAbility('manage', 'Catalogue')
  @Query(() => [CatalogueImportModel])
  catalogueImports(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<CatalogueImportModel[]> {
    return this.catalogue.imports(Math.min(Math.max(first, 1), 100));
  }

  @RequireAbility('manage', 'Catalogue')
  @Query(() => String, {
    nullable: true,
    description: 'The problems of a failed import as a spreadsheet (base64 XLSX)',
  })
  catalogueImportReport(
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<string | null> {
    return this.catalogue.problemsWorkbook(id);
  }

  @RequireAbility('manage', 'Catalogue')
  @Mutation(() => CatalogueImportModel, {
    description: 'Read a catalogue spreadsheet into a new draft, in the background',
  })
  importCatalogue(@Args('input') input: ImportCatalogueInput): Promise<CatalogueImportModel> {
    return this.catalogue.startImport({
      label: input.label,
      fileName: input.fileName,
      base64: input.spreadsheet,
    });
  }

  @RequireAbility('manage', 'Catalogue')
  @Mutation(() => CatalogueVersionModel, {
    description: 'Publish a draft: from then on it does not change',
  })
  publishCatalogueVersion(
    @Args('input') input: CatalogueVersionInput,
  ): Promise<CatalogueVersionModel> {
    return this.catalogue.publish(input.versionId);
  }

  @RequireAbility('manage', 'Catalogue')
  @Mutation(() => CatalogueVersionModel)
  retireCatalogueVersion(
    @Args('input') input: CatalogueVersionInput,
  ): Promise<CatalogueVersionModel> {
    return this.catalogue.retire(input.versionId);
  }

  @RequireAbility('manage', 'Catalogue')
  @Mutation(() => Boolean)
  deleteCatalogueDraft(@Args('input') input: CatalogueVersionInput): Promise<boolean> {
    return this.catalogue.deleteDraft(input.versionId);
  }

  @RequireAbility('manage', 'Catalogue')
  @Mutation(() => CatalogueVersionModel, {
    description:
      'State how items of an earlier version became a draft’s: splits, merges, suspensions (replaces the draft’s mappings)',
  })
  setCatalogueMappings(
    @Args('input') input: SetCatalogueMappingsInput,
  ): Promise<CatalogueVersionModel> {
    const mappings = input.mappings.map(mappingOf);
    const wrong = mappings.filter((mapping) => typeof mapping === 'string');
    if (wrong.length) {
      throw new BadUserInputError(wrong.join('; '), { reason: 'INVALID_MAPPINGS' });
    }
    return this.catalogue.setMappings(
      input.versionId,
      input.previousVersionId,
      mappings.filter((mapping) => typeof mapping !== 'string'),
    );
  }

  @ResolveField(() => [ItemMappingModel], {
    description: 'How items of the version before became this one’s (splits, merges, suspensions)',
  })
  mappings(@Parent() version: CatalogueVersionRecord): ItemMappingModel[] {
    return version.mappings.map(mappingModelOf);
  }
}
