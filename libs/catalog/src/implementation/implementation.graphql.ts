import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ItemType, MaterialForm, ServiceTier } from '../core/item';
import { ItemHandling } from '../core/menu';
import { CatalogueItemModel, MaterialModel, TimeLimitModel } from '../standard/catalogue.graphql';

registerEnumType(ItemHandling, {
  name: 'ItemHandling',
  description: 'What a center may do with an item: decide it, only take it in, or nothing',
});

@ObjectType('ImplementationItem', {
  description: "An entry of a tenant's implementation list (实施清单)",
})
export class ImplementationItemModel {
  @Field(() => ID)
  tenantId!: string;

  @Field()
  code!: string;

  @Field(() => CatalogueItemModel, { description: 'The standard item, with its locked elements' })
  standard!: CatalogueItemModel;

  @Field(() => TimeLimitModel, { description: '承诺时限: at most the statutory limit' })
  promisedLimit!: TimeLimitModel;

  @Field(() => [MaterialModel], { description: 'The materials as this tenant asks for them' })
  materials!: MaterialModel[];

  @Field(() => ItemHandling, { description: 'What this tenant may do with the item' })
  handling!: ItemHandling;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  officeHours!: string | null;

  @Field(() => String, { nullable: true })
  feeNote!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => Int, { description: 'Pass back as expectedVersion when changing the entry' })
  version!: number;

  @Field()
  updatedAt!: Date;
}

@ObjectType('ImplementationItemPage')
export class ImplementationItemPage {
  @Field(() => [ImplementationItemModel])
  nodes!: ImplementationItemModel[];

  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('MenuTemplate', {
  description: "A county's tier menu: a subset of its implementation list",
})
export class MenuTemplateModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field()
  name!: string;

  @Field(() => ServiceTier)
  tier!: ServiceTier;

  @Field(() => [String])
  itemCodes!: string[];

  @Field()
  updatedAt!: Date;
}

@ObjectType('MenuChange')
export class MenuChange {
  @Field(() => Int)
  added!: number;

  @Field(() => Int)
  removed!: number;

  @Field(() => [String], { description: "Template items the parent's list does not hold" })
  skipped!: string[];
}

@InputType()
export class ImplementationListInput {
  @Field(() => ID)
  @IsUUID()
  tenantId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  department?: string | null;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(500)
  first!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string | null;
}

@InputType()
export class AdoptCatalogueInput {
  @Field(() => ID, { description: 'The county' })
  @IsUUID()
  tenantId!: string;

  @Field(() => ID)
  @IsUUID()
  versionId!: string;

  @Field(() => [String], { nullable: true, description: 'Only these items; all when omitted' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20_000)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  codes?: string[] | null;
}

@InputType()
export class TimeLimitInput {
  @Field()
  @IsBoolean()
  onTheSpot!: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  workingDays?: number | null;
}

@InputType()
export class MaterialInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => MaterialForm)
  @IsEnum(MaterialForm)
  form!: MaterialForm;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(999)
  copies!: number;

  @Field()
  @IsBoolean()
  required!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  notes?: string | null;
}

@InputType()
export class UpdateImplementationItemInput {
  @Field(() => ID)
  @IsUUID()
  tenantId!: string;

  @Field()
  @IsString()
  @MaxLength(100)
  code!: string;

  @Field(() => Int, { description: 'The version read; a change made meanwhile is a CONFLICT' })
  @IsInt()
  expectedVersion!: number;

  @Field(() => TimeLimitInput)
  @ValidateNested()
  @Type(() => TimeLimitInput)
  promisedLimit!: TimeLimitInput;

  @Field(() => [MaterialInput])
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MaterialInput)
  materials!: MaterialInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  officeHours?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  feeNote?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Locked: only the standard's own value is accepted",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string | null;

  @Field(() => ItemType, { nullable: true, description: 'Locked' })
  @IsOptional()
  @IsEnum(ItemType)
  type?: ItemType | null;

  @Field(() => String, { nullable: true, description: 'Locked' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  competentDepartment?: string | null;

  @Field(() => String, { nullable: true, description: 'Locked' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  implementingLevel?: string | null;

  @Field(() => String, { nullable: true, description: 'Locked' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  legalBasis?: string | null;
}

@InputType()
export class SetMenuInput {
  @Field(() => ID, { description: 'A township center or village station' })
  @IsUUID()
  tenantId!: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(20_000)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  codes!: string[];
}

@InputType()
export class MenuTemplateInput {
  @Field(() => ID)
  @IsUUID()
  countyId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The template to replace; a new one when omitted',
  })
  @IsOptional()
  @IsUUID()
  id?: string | null;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @Field(() => ServiceTier)
  @IsIn([ServiceTier.TOWNSHIP, ServiceTier.VILLAGE])
  tier!: ServiceTier.TOWNSHIP | ServiceTier.VILLAGE;

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(20_000)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  itemCodes!: string[];
}

@InputType()
export class ApplyMenuTemplateInput {
  @Field(() => ID)
  @IsUUID()
  tenantId!: string;

  @Field(() => ID)
  @IsUUID()
  templateId!: string;
}
