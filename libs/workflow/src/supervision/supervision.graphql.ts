import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '@tongban/core';
import {
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ApplicationStatus } from '../lifecycle/application-status';
import { WarningKind, WarningLevel } from './warning-level';

registerEnumType(WarningLevel, { name: 'WarningLevel' });
registerEnumType(WarningKind, { name: 'WarningKind' });

@ObjectType('Warning', { description: '预警: a YELLOW or RED card on an application' })
export class WarningModel {
  @Field(() => ID)
  id!: string;
  @Field(() => ID)
  tenantId!: string;
  @Field()
  tenantName!: string;
  @Field(() => ID)
  applicationId!: string;
  @Field()
  receiptNumber!: string;
  @Field()
  itemName!: string;
  @Field(() => ApplicationStatus, { description: 'Where the application stands now' })
  applicationStatus!: ApplicationStatus;
  @Field(() => WarningKind)
  kind!: WarningKind;
  @Field(() => WarningLevel)
  level!: WarningLevel;
  @Field({ description: 'The deadline it is about' })
  dueAt!: Date;
  @Field()
  raisedAt!: Date;
  @Field(() => ID)
  windowId!: string;
  @Field()
  windowName!: string;
  @Field(() => String, { nullable: true, description: '视频监控: the window’s camera link' })
  cameraUrl!: string | null;
  @Field({ description: 'OPEN or CLOSED' })
  status!: string;
  @Field(() => String, { nullable: true, description: "The supervisor's note on closing" })
  note!: string | null;
  @Field(() => String, { nullable: true })
  closedByName!: string | null;
  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;
  @Field({ description: 'You may close it (a supervisor of its center or above)' })
  mayClose!: boolean;
}

@ObjectType('WarningConnection')
export class WarningConnection {
  @Field(() => [WarningModel])
  nodes!: WarningModel[];
  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType('WarningBoardCount', { description: 'Open cards of one window at one level' })
export class WarningBoardCountModel {
  @Field(() => ID)
  tenantId!: string;
  @Field()
  tenantName!: string;
  @Field(() => ID)
  windowId!: string;
  @Field()
  windowName!: string;
  @Field(() => WarningLevel)
  level!: WarningLevel;
  @Field(() => Int)
  open!: number;
}

@ObjectType('SweepResult')
export class SweepResultModel {
  @Field(() => Int, { description: 'Applications looked at' })
  checked!: number;
  @Field(() => Int, { description: 'New warnings raised' })
  raised!: number;
}

@InputType()
export class WarningsFilterInput {
  @Field(() => String, { nullable: true, description: 'OPEN or CLOSED' })
  @IsOptional()
  @IsIn(['OPEN', 'CLOSED'])
  status?: 'OPEN' | 'CLOSED' | null;

  @Field(() => WarningLevel, { nullable: true })
  @IsOptional()
  @IsEnum(WarningLevel)
  level?: WarningLevel | null;

  @Field(() => ID, { nullable: true, description: 'A center and those below it' })
  @IsOptional()
  @IsUUID()
  tenantId?: string | null;
}

@InputType()
export class WarningsPageInput {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–200 (default 50); newest first' })
  @IsOptional()
  @Min(1)
  @Max(200)
  first?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,128}$/)
  after?: string;
}

@InputType()
export class CloseWarningInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ description: 'What was done (required)' })
  @IsString()
  @MaxLength(500)
  note!: string;
}

@ObjectType('SupervisionSettingsValues')
export class SupervisionSettingsValuesModel {
  @Field(() => Float, { nullable: true, description: 'YELLOW at this share of the time left' })
  yellowShare!: number | null;
  @Field(() => Float, { nullable: true, description: '…or at this many working days left' })
  yellowWorkingDays!: number | null;
  @Field(() => Int, { nullable: true, description: 'Bad-review rectification, working days' })
  rectificationWorkingDays!: number | null;
  @Field(() => Int, { nullable: true, description: 'Default rating after this many days' })
  defaultRatingAfterDays!: number | null;
  @Field(() => Int, { nullable: true, description: 'The default rating (5 = very satisfied)' })
  defaultRating!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Promised items rated at acceptance too' })
  rateAtAcceptance!: boolean | null;
  @Field(() => Int, { nullable: true, description: 'A complaint is due in this many working days' })
  complaintWorkingDays!: number | null;
}

@ObjectType('SupervisionSettingsSource')
export class SupervisionSettingsSourceModel {
  @Field({ description: 'The setting' })
  field!: string;
  @Field(() => ID, { nullable: true, description: 'The tenant it comes from; null: the default' })
  tenantId!: string | null;
  @Field(() => String, { nullable: true })
  tenantName!: string | null;
}

@ObjectType('SupervisionSettings', {
  description: 'Thresholds and deadlines of supervision, inherited down the tree',
})
export class SupervisionSettingsModel {
  @Field(() => ID)
  tenantId!: string;
  @Field(() => SupervisionSettingsValuesModel, { description: 'What applies here' })
  effective!: SupervisionSettingsValuesModel;
  @Field(() => SupervisionSettingsValuesModel, { description: 'What this tenant sets itself' })
  own!: SupervisionSettingsValuesModel;
  @Field(() => [SupervisionSettingsSourceModel])
  sources!: SupervisionSettingsSourceModel[];
  @Field({ description: 'You may change what this tenant sets' })
  mayEdit!: boolean;
}

@InputType()
export class SetSupervisionSettingsInput {
  @Field(() => ID)
  @IsUUID()
  tenantId!: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  yellowShare?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  yellowWorkingDays?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  rectificationWorkingDays?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  defaultRatingAfterDays?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  defaultRating?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  rateAtAcceptance?: boolean | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  complaintWorkingDays?: number | null;
}
