import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '@tongban/core';
import {
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Type } from 'class-transformer';
import { EvaluationChannel, EvaluationStage } from './rating';
import { AppealDecision, RectificationStatus } from './rectification';

registerEnumType(EvaluationChannel, {
  name: 'EvaluationChannel',
  description: "How a rating came: the window's device, a link, the portal, or none in time",
});
registerEnumType(EvaluationStage, {
  name: 'EvaluationStage',
  description: 'What is rated: acceptance (受理) or completion (办结)',
});
registerEnumType(RectificationStatus, {
  name: 'RectificationStatus',
  description:
    'OPEN; APPEALED (a supervisor decides); CLOSED with an outcome; VOIDED (appeal upheld)',
});
registerEnumType(AppealDecision, { name: 'AppealDecision' });

@ObjectType('EvaluationDevice', { description: "A window's evaluation device (评价器)" })
export class EvaluationDeviceModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => ID)
  windowId!: string;

  @Field()
  windowName!: string;

  @Field()
  label!: string;

  @Field()
  registeredByName!: string;

  @Field()
  registeredAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it last rated' })
  lastSeenAt!: Date | null;
}

@ObjectType('RegisteredEvaluationDevice')
export class RegisteredEvaluationDeviceModel {
  @Field(() => EvaluationDeviceModel)
  device!: EvaluationDeviceModel;

  @Field({ description: 'The device token: shown this once, stored only hashed' })
  token!: string;
}

@ObjectType('RatingReceipt', { description: 'What a rating recorded' })
export class RatingReceiptModel {
  @Field(() => EvaluationStage)
  stage!: EvaluationStage;

  @Field(() => Int, { description: '5 = very satisfied … 1 = very dissatisfied' })
  rating!: number;

  @Field()
  ratedAt!: Date;

  @Field({ description: 'A bad review (1–2): the hall calls the rater back' })
  badReview!: boolean;
}

@ObjectType('EvaluationLink', { description: 'A single-use rating link, its token shown once' })
export class EvaluationLinkModel {
  @Field()
  token!: string;

  @Field()
  expiresAt!: Date;
}

@ObjectType('EvaluationLinkInfo', { description: 'What a rating link rates' })
export class EvaluationLinkInfoModel {
  @Field()
  tenantName!: string;

  @Field()
  itemName!: string;

  @Field(() => EvaluationStage)
  stage!: EvaluationStage;

  @Field()
  expiresAt!: Date;
}

@ObjectType('RectificationCallback', { description: '回访: a callback to the rater' })
export class RectificationCallbackModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Who called' })
  callerName!: string;

  @Field()
  calledAt!: Date;

  @Field({ description: 'What was agreed' })
  agreed!: string;

  @Field()
  recordedByName!: string;

  @Field()
  recordedAt!: Date;
}

@ObjectType('RectificationAppeal', { description: '申诉: the staff member appeals the review' })
export class RectificationAppealModel {
  @Field(() => ID)
  id!: string;

  @Field()
  appellantName!: string;

  @Field()
  reason!: string;

  @Field()
  filedAt!: Date;

  @Field({ description: 'PENDING, UPHELD or DISMISSED' })
  status!: string;

  @Field(() => String, { nullable: true })
  decidedByName!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  decisionNote!: string | null;
}

@ObjectType('RectificationCase', { description: '差评整改: the case a bad review opens' })
export class RectificationCaseModel {
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

  @Field(() => ID)
  windowId!: string;

  @Field()
  windowName!: string;

  @Field(() => String, { nullable: true, description: 'The staff member the review concerns' })
  staffName!: string | null;

  @Field(() => Int, { description: '5 = very satisfied … 1 = very dissatisfied' })
  rating!: number;

  @Field(() => Int, {
    description: 'The national standard satisfaction code (GB/T 39046): 1 = very satisfied',
  })
  nationalSatisfactionCode!: number;

  @Field(() => EvaluationChannel)
  channel!: EvaluationChannel;

  @Field()
  ratedAt!: Date;

  @Field()
  openedAt!: Date;

  @Field({ description: 'Close of business of the last working day to rectify' })
  dueAt!: Date;

  @Field(() => RectificationStatus)
  status!: RectificationStatus;

  @Field(() => String, { nullable: true })
  outcome!: string | null;

  @Field(() => String, { nullable: true })
  closedByName!: string | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field({ description: 'You may record callbacks and close it' })
  mayUpdate!: boolean;

  @Field({ description: 'You may appeal it (the review concerns you)' })
  mayAppeal!: boolean;

  @Field({ description: 'You may decide its appeal' })
  mayDecide!: boolean;
}

@ObjectType('RectificationCaseDetail')
export class RectificationCaseDetailModel extends RectificationCaseModel {
  @Field(() => [RectificationCallbackModel])
  callbacks!: RectificationCallbackModel[];

  @Field(() => [RectificationAppealModel])
  appeals!: RectificationAppealModel[];
}

@ObjectType('RectificationCaseConnection')
export class RectificationCaseConnection {
  @Field(() => [RectificationCaseModel])
  nodes!: RectificationCaseModel[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType()
export class RegisterEvaluationDeviceInput {
  @Field(() => ID)
  @IsUUID()
  windowId!: string;

  @Field({ description: 'A name for the device, e.g. 综合窗口1 评价器' })
  @IsString()
  @MaxLength(400)
  label!: string;
}

// Ratings are checked by the service (1–5, BAD_USER_INPUT with a reason); a number is all the
// schema asks for.
@InputType()
export class RateByDeviceInput {
  @Field({ description: 'The token given when the device was registered' })
  @IsString()
  @MaxLength(300)
  deviceToken!: string;

  @Field(() => Int, { description: '5 = very satisfied … 1 = very dissatisfied' })
  @IsInt()
  rating!: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The application rated; by default the one completed last at the window',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  applicationId?: string | null;
}

@InputType()
export class RateByLinkInput {
  @Field()
  @IsString()
  @MaxLength(300)
  token!: string;

  @Field(() => Int, { description: '5 = very satisfied … 1 = very dissatisfied' })
  @IsInt()
  rating!: number;
}

@InputType()
export class RecordRectificationCallbackInput {
  @Field(() => ID)
  @IsUUID()
  caseId!: string;

  @Field({ description: 'Who called the rater' })
  @IsString()
  @MaxLength(400)
  callerName!: string;

  @Field({ description: 'When the call was made' })
  @Type(() => Date)
  @IsDate()
  calledAt!: Date;

  @Field({ description: 'What was agreed' })
  @IsString()
  @MaxLength(4000)
  agreed!: string;
}

@InputType()
export class CloseRectificationCaseInput {
  @Field(() => ID)
  @IsUUID()
  caseId!: string;

  @Field()
  @IsString()
  @MaxLength(4000)
  outcome!: string;
}

@InputType()
export class AppealRectificationInput {
  @Field(() => ID)
  @IsUUID()
  caseId!: string;

  @Field()
  @IsString()
  @MaxLength(4000)
  reason!: string;
}

@InputType()
export class DecideRectificationAppealInput {
  @Field(() => ID)
  @IsUUID()
  caseId!: string;

  @Field(() => AppealDecision)
  @IsEnum(AppealDecision)
  decision!: AppealDecision;

  @Field()
  @IsString()
  @MaxLength(4000)
  note!: string;
}

@InputType()
export class RectificationCasesFilterInput {
  @Field(() => ID, { nullable: true, description: 'This tenant and those below it' })
  @IsOptional()
  @IsUUID()
  tenantId?: string;

  @Field(() => RectificationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RectificationStatus)
  status?: RectificationStatus;
}

@InputType()
export class RectificationCasesPageInput {
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
