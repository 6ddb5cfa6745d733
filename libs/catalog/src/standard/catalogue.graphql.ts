import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CatalogueImportStatus, CatalogueVersionStatus } from '../core/catalogue-version';
import { ApplicantScope, ItemType, MaterialForm, ServiceTier } from '../core/item';

registerEnumType(CatalogueVersionStatus, { name: 'CatalogueVersionStatus' });
registerEnumType(ItemType, { name: 'ItemType', description: '事项类型 (GB/T 39046-2020 A.1)' });
registerEnumType(ApplicantScope, { name: 'ApplicantScope' });
registerEnumType(MaterialForm, { name: 'MaterialForm' });
registerEnumType(ServiceTier, { name: 'ServiceTier' });

registerEnumType(CatalogueImportStatus, { name: 'CatalogueImportStatus' });

@ObjectType('CatalogueVersion', { description: 'A version of the standard catalogue (基本目录)' })
export class CatalogueVersionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The tenant that publishes it (the province)' })
  tenantId!: string;

  @Field()
  label!: string;

  @Field(() => CatalogueVersionStatus)
  status!: CatalogueVersionStatus;

  @Field(() => Int)
  itemCount!: number;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  retiredAt!: Date | null;
}

@ObjectType('Material', { description: '申请材料' })
export class MaterialModel {
  @Field()
  name!: string;

  @Field(() => MaterialForm)
  form!: MaterialForm;

  @Field(() => Int)
  copies!: number;

  @Field()
  required!: boolean;

  @Field(() => String, { nullable: true })
  notes!: string | null;
}

@ObjectType('TimeLimit', { description: 'On the spot (即办), or a number of working days' })
export class TimeLimitModel {
  @Field()
  onTheSpot!: boolean;

  @Field(() => Int, { nullable: true })
  workingDays?: number;
}

@ObjectType('Fee')
export class FeeModel {
  @Field()
  free!: boolean;

  @Field(() => String, { nullable: true })
  basis?: string;

  @Field(() => String, { nullable: true })
  amount?: string;
}

@ObjectType('CatalogueItem', { description: 'An item of a standard catalogue version' })
export class CatalogueItemModel {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => ItemType)
  type!: ItemType;

  @Field()
  competentDepartment!: string;

  @Field()
  implementingLevel!: string;

  @Field()
  legalBasis!: string;

  @Field(() => [ApplicantScope])
  applicantScopes!: ApplicantScope[];

  @Field()
  conditions!: string;

  @Field(() => [MaterialModel])
  materials!: MaterialModel[];

  @Field(() => [String])
  steps!: string[];

  @Field(() => TimeLimitModel)
  statutoryLimit!: TimeLimitModel;

  @Field(() => FeeModel)
  fee!: FeeModel;

  @Field(() => [ServiceTier], { description: 'Tiers that accept and decide the item' })
  handlingTiers!: ServiceTier[];

  @Field(() => [ServiceTier], { description: 'Tiers that only take it in and pass it up' })
  intakeOnlyTiers!: ServiceTier[];

  @Field()
  onlineAvailable!: boolean;
}

@ObjectType('CatalogueItemPage')
export class CatalogueItemPage {
  @Field(() => [CatalogueItemModel])
  nodes!: CatalogueItemModel[];

  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' })
  endCursor!: string | null;
}

@ObjectType('LocalizedMessage')
export class LocalizedMessage {
  @Field()
  zhCN!: string;

  @Field()
  enUS!: string;
}

@ObjectType('CatalogueSheetProblem', {
  description: 'What is wrong at one place of the spreadsheet',
})
export class CatalogueSheetProblemModel {
  @Field()
  sheet!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The row (1 is the header), or null for the sheet',
  })
  row!: number | null;

  @Field(() => String, { nullable: true })
  column!: string | null;

  @Field({
    description: 'A stable code, e.g. DUPLICATE_CODE, UNKNOWN_TYPE, FORMULA, SHEET_MISSING',
  })
  code!: string;

  @Field(() => LocalizedMessage)
  message!: LocalizedMessage;
}

@ObjectType('CatalogueImport', { description: 'A spreadsheet being read into a draft version' })
export class CatalogueImportModel {
  @Field(() => ID)
  id!: string;

  @Field()
  label!: string;

  @Field()
  fileName!: string;

  @Field(() => CatalogueImportStatus)
  status!: CatalogueImportStatus;

  @Field(() => Int, { description: 'Rows read so far, headers included (progress)' })
  rowsRead!: number;

  @Field(() => [CatalogueSheetProblemModel])
  problems!: CatalogueSheetProblemModel[];

  @Field(() => ID, { nullable: true, description: 'The draft it made, once it succeeded' })
  versionId!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@InputType()
export class ImportCatalogueInput {
  @Field({ description: "The new version's label, e.g. 2026 年第二轮" })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label!: string;

  @Field()
  @IsString()
  @MaxLength(200)
  fileName!: string;

  @Field({ description: 'The XLSX file, base64-encoded (at most 2 MB)' })
  @IsString()
  @MaxLength(2_900_000)
  spreadsheet!: string;
}

@InputType()
export class CatalogueVersionInput {
  @Field(() => ID)
  @IsUUID()
  versionId!: string;
}

@InputType()
export class CatalogueItemsInput {
  @Field(() => ID)
  @IsUUID()
  versionId!: string;

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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string | null;
}
