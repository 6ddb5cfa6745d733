import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { TenantKind } from '@tongban/core';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ApplicantScope, ItemType } from '../core/item';
import { ItemHandling } from '../core/menu';
// Imported for its enum registrations (ItemHandling) as much as for the shared types.
import '../implementation/implementation.graphql';
import { FeeModel, MaterialModel, TimeLimitModel } from '../standard/catalogue.graphql';

/** 6 digits (province to county), 9 (township) or 12 (village); anything else is refused. */
const DIVISION_CODE = /^\d{6,12}$/;

@ObjectType('ServiceGuideCenter', { description: 'A service center as the public sees it' })
export class ServiceGuideCenterModel {
  @Field({ description: 'Its public name' })
  name!: string;

  @Field(() => TenantKind)
  kind!: TenantKind;

  @Field()
  divisionCode!: string;
}

@ObjectType('ServiceGuideEntry', { description: "An item of a center's service guide (办事指南)" })
export class ServiceGuideEntryModel {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => ItemType)
  type!: ItemType;

  @Field()
  competentDepartment!: string;

  @Field(() => TimeLimitModel, { description: '承诺时限' })
  promisedLimit!: TimeLimitModel;

  @Field(() => TimeLimitModel, { description: '法定时限' })
  statutoryLimit!: TimeLimitModel;

  @Field({ description: '即办件: decided on the spot' })
  onTheSpot!: boolean;

  @Field(() => ItemHandling, { description: 'Decided here, or only taken in and passed up' })
  handling!: ItemHandling;

  @Field()
  onlineAvailable!: boolean;

  @Field(() => FeeModel)
  fee!: FeeModel;

  @Field(() => String, { nullable: true })
  feeNote!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  officeHours!: string | null;
}

@ObjectType('ServiceGuideEntryPage')
export class ServiceGuideEntryPage {
  @Field(() => [ServiceGuideEntryModel])
  nodes!: ServiceGuideEntryModel[];

  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' })
  endCursor!: string | null;
}

@ObjectType('ServiceGuide', { description: 'The full service guide (办事指南) of one item' })
export class ServiceGuideModel extends ServiceGuideEntryModel {
  @Field()
  implementingLevel!: string;

  @Field()
  legalBasis!: string;

  @Field(() => [ApplicantScope])
  applicantScopes!: ApplicantScope[];

  @Field()
  conditions!: string;

  @Field(() => [MaterialModel], { description: 'The materials as this center asks for them' })
  materials!: MaterialModel[];

  @Field(() => [String])
  steps!: string[];

  @Field(() => String, { nullable: true })
  notes!: string | null;
}

@ObjectType('OneTimeNotification', {
  description: '一次性告知: everything the applicant still lacks, told once',
})
export class OneTimeNotificationModel {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => [MaterialModel], { description: 'Required materials still missing' })
  missing!: MaterialModel[];

  @Field(() => [MaterialModel], { description: 'Optional materials not ticked' })
  optionalMissing!: MaterialModel[];

  @Field({ description: 'Nothing required is missing' })
  complete!: boolean;
}

@ArgsType()
export class ServiceGuideCenterArgs {
  @Field({ description: "The center's administrative division code (6, 9 or 12 digits)" })
  @IsString()
  @Matches(DIVISION_CODE, { message: 'divisionCode must be 6 to 12 digits' })
  divisionCode!: string;
}

@ArgsType()
export class ServiceGuideItemsArgs extends ServiceGuideCenterArgs {
  @Field(() => String, { nullable: true, description: 'Part of the name or code' })
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
  @Max(200)
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the page before' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string | null;
}

@ArgsType()
export class ServiceGuideItemArgs extends ServiceGuideCenterArgs {
  @Field({ description: 'The item code' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  code!: string;
}

@ArgsType()
export class OneTimeNotificationArgs extends ServiceGuideItemArgs {
  @Field(() => [String], { description: 'Names of the materials the applicant has' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  presentMaterials!: string[];
}
