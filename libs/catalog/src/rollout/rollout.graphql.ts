import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TenantKind } from '@tongban/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { ItemMapping } from '../core/catalogue-diff';
import { RolloutCommand, RolloutStatus, RolloutStepStatus } from '../core/rollout-status';
import { CatalogueVersionModel, LocalizedMessage } from '../standard/catalogue.graphql';

registerEnumType(RolloutStatus, { name: 'CatalogueRolloutStatus' });
registerEnumType(RolloutStepStatus, { name: 'CatalogueRolloutStepStatus' });
registerEnumType(RolloutCommand, { name: 'CatalogueRolloutCommand' });

export enum ItemMappingKind {
  SPLIT = 'SPLIT',
  MERGE = 'MERGE',
  SUSPEND = 'SUSPEND',
}
registerEnumType(ItemMappingKind, {
  name: 'ItemMappingKind',
  description: 'SPLIT: one item became several; MERGE: several became one; SUSPEND: no new intake',
});

@ObjectType('ItemMapping', {
  description:
    'How items of the version before became this version’s: SPLIT (one `from`, several `to`), MERGE (several `from`, one `to`), SUSPEND (the item in `from`)',
})
export class ItemMappingModel {
  @Field(() => ItemMappingKind)
  kind!: ItemMappingKind;

  @Field(() => [String])
  from!: string[];

  @Field(() => [String])
  to!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'The item whose local settings carry over (SPLIT: one of `to`; MERGE: one of `from`)',
  })
  inheritor!: string | null;
}

@InputType()
export class ItemMappingInput {
  @Field(() => ItemMappingKind)
  @IsEnum(ItemMappingKind)
  kind!: ItemMappingKind;

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  from!: string[];

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  to!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  inheritor?: string | null;
}

@InputType()
export class SetCatalogueMappingsInput {
  @Field(() => ID, { description: 'The draft' })
  @IsUUID()
  versionId!: string;

  @Field(() => ID, { description: 'The version the mappings start from' })
  @IsUUID()
  previousVersionId!: string;

  @Field(() => [ItemMappingInput])
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ItemMappingInput)
  mappings!: ItemMappingInput[];
}

/** The stored mapping as the API shows it (one shape for the three kinds). */
export function mappingModelOf(mapping: ItemMapping): ItemMappingModel {
  switch (mapping.kind) {
    case 'SPLIT':
      return {
        kind: ItemMappingKind.SPLIT,
        from: [mapping.from],
        to: mapping.to,
        inheritor: mapping.inheritor,
      };
    case 'MERGE':
      return {
        kind: ItemMappingKind.MERGE,
        from: mapping.from,
        to: [mapping.to],
        inheritor: mapping.inheritor,
      };
    case 'SUSPEND':
      return { kind: ItemMappingKind.SUSPEND, from: [mapping.code], to: [], inheritor: null };
  }
}

/**
 * A mapping as the client sent it, in the stored shape; a shape that does not fit its kind
 * (a SPLIT from two items, a MERGE into none) is named by its index.
 */
export function mappingOf(input: ItemMappingInput, index: number): ItemMapping | string {
  const inheritor = input.inheritor ?? null;
  switch (input.kind) {
    case ItemMappingKind.SPLIT:
      if (input.from.length !== 1 || input.to.length < 2 || !inheritor) {
        return `mappings[${index}]: a split takes one item to two or more, with an inheritor`;
      }
      return { kind: 'SPLIT', from: input.from[0], to: input.to, inheritor };
    case ItemMappingKind.MERGE:
      if (input.from.length < 2 || input.to.length !== 1 || !inheritor) {
        return `mappings[${index}]: a merge takes two or more items to one, with an inheritor`;
      }
      return { kind: 'MERGE', from: input.from, to: input.to[0], inheritor };
    case ItemMappingKind.SUSPEND:
      if (input.from.length !== 1 || input.to.length !== 0 || inheritor) {
        return `mappings[${index}]: a suspension names one item`;
      }
      return { kind: 'SUSPEND', code: input.from[0] };
  }
}

@InputType()
export class RolloutTargetInput {
  @Field(() => ID, { description: 'The published standard version to roll out' })
  @IsUUID()
  versionId!: string;

  @Field(() => ID, { description: 'The county (or the province, for the platform operator)' })
  @IsUUID()
  tenantId!: string;
}

@ObjectType('RolloutTenant')
export class RolloutTenantModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => TenantKind)
  kind!: TenantKind;

  @Field()
  divisionCode!: string;
}

@ObjectType('RolloutSettingChange', { description: 'A local setting before and after' })
export class RolloutSettingChangeModel {
  @Field({ description: 'promisedLimit, materials, address, phone, officeHours, feeNote, notes' })
  field!: string;

  @Field(() => String, { nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true })
  after!: string | null;
}

@ObjectType('RolloutOutcome', { description: 'What a rollout does to one entry of a list' })
export class RolloutOutcomeModel {
  @Field()
  code!: string;

  @Field({
    description:
      'KEPT (moved to the new version, settings adjusted as listed), ADOPTED (a new entry), READ_ONLY (kept for open applications only), DROPPED',
  })
  kind!: string;

  @Field(() => [RolloutSettingChangeModel])
  changes!: RolloutSettingChangeModel[];
}

@ObjectType('RolloutConflict', {
  description: 'A conflict of the new version with local settings, and the policy applied',
})
export class RolloutConflictModel {
  @Field({
    description:
      'PROMISED_LIMIT_CLAMPED, REQUIRED_MATERIAL_READDED, ITEM_REMOVED_WITH_OPEN_APPLICATIONS, ITEM_REMOVED_FROM_MENU, ITEM_SPLIT, ITEM_MERGED, LOCKED_ELEMENT_CHANGED',
  })
  code!: string;

  @Field()
  itemCode!: string;

  @Field(() => String, { nullable: true })
  field!: string | null;

  @Field(() => String, { nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true })
  after!: string | null;

  @Field(() => LocalizedMessage)
  policy!: LocalizedMessage;
}

@ObjectType('TenantRolloutPreview', { description: 'What a rollout does to one tenant’s list' })
export class TenantRolloutPreviewModel {
  @Field(() => RolloutTenantModel)
  tenant!: RolloutTenantModel;

  @Field(() => Int)
  kept!: number;

  @Field(() => Int)
  adopted!: number;

  @Field(() => Int)
  readOnly!: number;

  @Field(() => Int)
  dropped!: number;

  @Field(() => Int, { description: 'Entries moved to the new version exactly as they were' })
  unchanged!: number;

  @Field(() => [RolloutOutcomeModel], { description: 'The entries that change' })
  outcomes!: RolloutOutcomeModel[];

  @Field(() => [RolloutConflictModel])
  conflicts!: RolloutConflictModel[];
}

@ObjectType('CatalogueItemRef')
export class CatalogueItemRefModel {
  @Field()
  code!: string;

  @Field()
  name!: string;
}

@ObjectType('CatalogueItemChange')
export class CatalogueItemChangeModel {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => [String], { description: 'The fields that changed' })
  fields!: string[];
}

@ObjectType('CatalogueItemSplit')
export class CatalogueItemSplitModel {
  @Field(() => CatalogueItemRefModel)
  from!: CatalogueItemRefModel;

  @Field(() => [CatalogueItemRefModel])
  to!: CatalogueItemRefModel[];

  @Field()
  inheritor!: string;
}

@ObjectType('CatalogueItemMerge')
export class CatalogueItemMergeModel {
  @Field(() => [CatalogueItemRefModel])
  from!: CatalogueItemRefModel[];

  @Field(() => CatalogueItemRefModel)
  to!: CatalogueItemRefModel;

  @Field()
  inheritor!: string;
}

@ObjectType('CatalogueDiff', { description: 'From a version lists stand on to the one rolled out' })
export class CatalogueDiffModel {
  @Field(() => CatalogueVersionModel)
  from!: CatalogueVersionModel;

  @Field(() => [CatalogueItemRefModel])
  added!: CatalogueItemRefModel[];

  @Field(() => [CatalogueItemRefModel])
  removed!: CatalogueItemRefModel[];

  @Field(() => [CatalogueItemChangeModel])
  changed!: CatalogueItemChangeModel[];

  @Field(() => [CatalogueItemSplitModel])
  split!: CatalogueItemSplitModel[];

  @Field(() => [CatalogueItemMergeModel])
  merged!: CatalogueItemMergeModel[];

  @Field(() => [CatalogueItemRefModel])
  suspended!: CatalogueItemRefModel[];
}

@ObjectType('CatalogueRolloutPreview', { description: 'What a rollout would do; nothing written' })
export class CatalogueRolloutPreviewModel {
  @Field(() => CatalogueVersionModel)
  version!: CatalogueVersionModel;

  @Field(() => [CatalogueDiffModel])
  diffs!: CatalogueDiffModel[];

  @Field(() => [TenantRolloutPreviewModel])
  tenants!: TenantRolloutPreviewModel[];
}

@ObjectType('CatalogueRolloutProgress')
export class CatalogueRolloutProgressModel {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  done!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int)
  pending!: number;

  @Field(() => Int)
  cancelled!: number;
}

@ObjectType('CatalogueRolloutStep', {
  description: 'One tenant’s step of a rollout, and its audit',
})
export class CatalogueRolloutStepModel {
  @Field(() => RolloutTenantModel)
  tenant!: RolloutTenantModel;

  @Field(() => RolloutStepStatus)
  status!: RolloutStepStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed' })
  reason!: string | null;

  @Field(() => Int, { description: 'Entries changed' })
  changed!: number;

  @Field(() => Int)
  conflictCount!: number;

  @Field(() => [RolloutOutcomeModel])
  outcomes!: RolloutOutcomeModel[];

  @Field(() => [RolloutConflictModel])
  conflicts!: RolloutConflictModel[];

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType('CatalogueRollout', { description: 'A clean-up round carried over a subtree' })
export class CatalogueRolloutModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The tenant it runs over (its subtree)' })
  tenantId!: string;

  @Field(() => ID)
  versionId!: string;

  @Field(() => RolloutStatus)
  status!: RolloutStatus;

  @Field()
  startedAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType('HeldVersion')
export class HeldVersionModel {
  @Field(() => CatalogueVersionModel)
  version!: CatalogueVersionModel;

  @Field(() => Int, { description: 'Entries of the list standing on it' })
  entries!: number;
}

@ObjectType('CountyCatalogueVersions', {
  description: 'Which standard versions a county’s implementation list stands on',
})
export class CountyCatalogueVersionsModel {
  @Field(() => RolloutTenantModel)
  tenant!: RolloutTenantModel;

  @Field(() => [HeldVersionModel])
  versions!: HeldVersionModel[];
}
