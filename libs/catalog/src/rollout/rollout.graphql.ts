import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TenantKind } from '@tongban/core';
import { IsUUID } from 'class-validator';
import { RolloutCommand, RolloutStatus, RolloutStepStatus } from '../core/rollout-status';
import { CatalogueVersionModel, LocalizedMessage } from '../standard/catalogue.graphql';

registerEnumType(RolloutStatus, { name: 'CatalogueRolloutStatus' });
registerEnumType(RolloutStepStatus, { name: 'CatalogueRolloutStepStatus' });
registerEnumType(RolloutCommand, { name: 'CatalogueRolloutCommand' });

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

@ObjectType('CatalogueRolloutEvent', { description: 'Who steered a rollout, and when' })
export class CatalogueRolloutEventModel {
  @Field({
    description: 'CATALOGUE_ROLLOUT_STARTED, _PAUSED, _RESUMED, _CANCELLED or _RETRIED',
  })
  action!: string;

  @Field(() => String, { nullable: true, description: 'Their name as it was then' })
  actorName!: string | null;

  @Field()
  at!: Date;
}
