import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Role, TenantKind } from '@tongban/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SetupLink } from '../identity/identity.graphql';
import { TenantModel } from '../tenant/tenant.graphql';
import { NewWindowInput } from '../windows/service-window.graphql';
import { ServiceWindowKind } from '../windows/service-window-kind';

@ObjectType()
export class OnboardingChecklistModel {
  @Field({ description: 'The first manager has set up their account' })
  managerReady!: boolean;

  @Field({ description: 'The hall has at least one window' })
  hasWindow!: boolean;

  @Field({
    description:
      'The hall has an item menu (a county: its implementation list); not needed to open, but nothing is taken in without one',
  })
  hasMenu!: boolean;

  @Field()
  complete!: boolean;
}

@InputType()
export class NewManagerInput {
  @Field()
  @IsString()
  @MaxLength(64)
  username!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  displayName!: string;
}

@InputType()
export class OnboardTenantInput {
  @Field(() => ID, { description: 'The county (or township) the new tenant goes under' })
  @IsUUID()
  parentId!: string;

  @Field(() => TenantKind)
  @IsEnum(TenantKind)
  kind!: TenantKind;

  @Field()
  @IsString()
  @Matches(/^\d{6,12}$/, { message: 'divisionCode must be 6 to 12 digits' })
  divisionCode!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  name!: string;

  @Field(() => [NewWindowInput])
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => NewWindowInput)
  windows!: NewWindowInput[];

  @Field(() => NewManagerInput)
  @ValidateNested()
  @Type(() => NewManagerInput)
  manager!: NewManagerInput;

  @Field(() => ID, {
    nullable: true,
    description: "A menu template of the county (of the new center's tier) giving its item menu",
  })
  @IsOptional()
  @IsUUID()
  menuTemplateId?: string | null;
}

@ObjectType()
export class OnboardingPreviewWindow {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => ServiceWindowKind)
  kind!: ServiceWindowKind;
}

@ObjectType({ description: 'Why onboarding would be refused, with a stable code' })
export class OnboardingProblem {
  @Field({
    description:
      'KIND_NOT_ALLOWED_HERE, DIVISION_CODE_NOT_DIGITS, DIVISION_CODE_LENGTH, DIVISION_CODE_OUTSIDE_PARENT, DIVISION_CODE_NO_OWN_DIGITS, DIVISION_CODE_IN_USE, DIVISION_RANGE_HOLDS_CODE, DIVISION_CODE_IN_RANGE, PARENT_SUSPENDED, NAME_EMPTY, WINDOW_CODES_REPEAT, WINDOW_INCOMPLETE, USERNAME_FORMAT or USERNAME_TAKEN',
  })
  code!: string;

  @Field()
  message!: string;
}

@ObjectType()
export class OnboardingPreview {
  @Field(() => TenantModel)
  parent!: TenantModel;

  @Field(() => TenantKind)
  kind!: TenantKind;

  @Field()
  divisionCode!: string;

  @Field()
  name!: string;

  @Field(() => [OnboardingPreviewWindow])
  windows!: OnboardingPreviewWindow[];

  @Field()
  managerUsername!: string;

  @Field()
  managerDisplayName!: string;

  @Field(() => Role, { description: 'The role the first account gets' })
  managerRole!: Role;

  @Field(() => [String], {
    description: 'Why onboarding would be refused; empty when it can go ahead',
  })
  problems!: string[];

  @Field(() => [OnboardingProblem], {
    description: 'The same problems with stable codes, for clients to translate',
  })
  issues!: OnboardingProblem[];
}

@ObjectType()
export class OnboardingResult {
  @Field(() => TenantModel)
  tenant!: TenantModel;

  @Field(() => SetupLink, { description: "The first manager's one-time setup link (72 hours)" })
  managerSetupLink!: SetupLink;

  @Field(() => Int, { description: 'Items the menu template gave the new center (0 without one)' })
  menuItemCount!: number;

  @Field(() => [String], { description: "Template items its parent's list does not hold" })
  menuSkipped!: string[];
}

@InputType()
export class CompleteSetupInput {
  @Field()
  @IsString()
  @MaxLength(200)
  token!: string;

  @Field()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password!: string;
}

@InputType()
export class SuspendTenantInput {
  @Field(() => ID)
  @IsUUID()
  tenantId!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

@InputType()
export class ReactivateTenantInput {
  @Field(() => ID)
  @IsUUID()
  tenantId!: string;
}

@InputType()
export class VillageSheetInput {
  @Field(() => ID, { description: 'The township (or county) the stations go under' })
  @IsUUID()
  parentId!: string;

  @Field({ description: 'The XLSX file, base64-encoded (at most 2 MB)' })
  @IsString()
  @MaxLength(2_900_000)
  spreadsheet!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'A village menu template of the county giving every station its item menu (onboarding only)',
  })
  @IsOptional()
  @IsUUID()
  menuTemplateId?: string | null;
}

@ObjectType({ description: 'A station of the sheet, as read' })
export class VillageSheetRow {
  @Field(() => Int, { description: 'Its row in the sheet (row 1 is the header)' })
  row!: number;

  @Field()
  divisionCode!: string;

  @Field()
  name!: string;

  @Field()
  managerUsername!: string;

  @Field()
  managerDisplayName!: string;

  @Field()
  windowName!: string;
}

@ObjectType({ description: 'What stops a row (or the whole sheet, row 1) from being opened' })
export class SheetProblem {
  @Field(() => Int)
  row!: number;

  @Field(() => String, { nullable: true, description: 'The column header, or null' })
  column!: string | null;

  @Field({ description: 'A stable code, e.g. REQUIRED, DIVISION_CODE_IN_USE, USERNAME_TAKEN' })
  code!: string;

  @Field()
  message!: string;
}

@ObjectType()
export class VillageSheetPreview {
  @Field(() => [VillageSheetRow])
  rows!: VillageSheetRow[];

  @Field(() => [SheetProblem])
  problems!: SheetProblem[];

  @Field(() => String, {
    nullable: true,
    description: 'The sheet with a problems column (base64 XLSX), when there are problems',
  })
  report!: string | null;
}

@ObjectType()
export class OnboardedVillage {
  @Field(() => TenantModel)
  tenant!: TenantModel;

  @Field()
  managerUsername!: string;

  @Field(() => SetupLink, { description: "The station staff member's one-time setup link" })
  setupLink!: SetupLink;

  @Field(() => Int, { description: 'Items the menu template gave the station (0 without one)' })
  menuItemCount!: number;
}
