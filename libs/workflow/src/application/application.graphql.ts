import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '@tongban/core';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ItemHandling, type TimeLimit, TimeLimitModel } from '@tongban/catalog';
import { ApplicationAction, PauseKind } from '../lifecycle/transitions';
import { ApplicationStatus } from '../lifecycle/application-status';

registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });

@ObjectType('Applicant', {
  description:
    "An applicant's personal data; masked (张*, 4502**********1234, 138****5678) for readers who may not see it plainly, e.g. city officials",
})
export class ApplicantModel {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Citizen identity number (GB 11643)' })
  idNumber!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field({ description: 'Whether any of the fields above is masked for you' })
  masked!: boolean;
}

registerEnumType(ApplicationAction, { name: 'ApplicationAction' });
registerEnumType(PauseKind, { name: 'PauseKind' });

@ObjectType('ApplicationClock', { description: 'How the clock reads now (DESIGN.md §4.2)' })
export class ApplicationClockModel {
  @Field({ description: '即办件: completed in one act at intake' })
  onTheSpot!: boolean;

  @Field({ description: 'Paused: a supplement after acceptance, or a statutory procedure' })
  clockPaused!: boolean;

  @Field({ description: 'Neither accepted nor rejected within 5 working days of intake' })
  acceptanceOverdue!: boolean;

  @Field(() => Float, {
    nullable: true,
    description:
      'Working days left until dueAt, from business time (0.33 is a third of a day); negative when overdue',
  })
  workingDaysLeft!: number | null;

  @Field({
    description:
      'The deadlines run into a year whose holidays are not published yet: counted by weekends alone until the year is entered',
  })
  deadlinesProvisional!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'While paused: the promised deadline if work resumed now',
  })
  deadlineIfResumed!: Date | null;
}

@ObjectType('Application', { description: 'An application taken in at a window (办件)' })
export class ApplicationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantName!: string;

  @Field({ description: 'What the applicant holds, e.g. LC-20261127-0007' })
  receiptNumber!: string;

  @Field({ description: 'The item (事项) as it was at intake' })
  itemCode!: string;

  @Field()
  itemName!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The standard catalogue version of the item; null for free-text intake before the catalogue',
  })
  itemVersionId!: string | null;

  @Field(() => TimeLimitModel, { nullable: true, description: '法定时限 at intake' })
  statutoryLimit!: TimeLimit | null;

  @Field(() => TimeLimitModel, { nullable: true, description: '承诺时限 at intake' })
  promisedLimit!: TimeLimit | null;

  @Field(() => ItemHandling, {
    nullable: true,
    description: 'Whether the center could decide the item or only take it in',
  })
  itemHandling!: ItemHandling | null;

  @Field(() => ID)
  windowId!: string;

  @Field()
  windowName!: string;

  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field(() => ApplicantModel)
  applicant!: ApplicantModel;

  @Field()
  submittedAt!: Date;

  @Field()
  submittedByName!: string;

  @Field(() => Int, { description: 'Changes with every transition (optimistic concurrency)' })
  version!: number;

  @Field(() => Date, { nullable: true, description: '受理: when the clock started' })
  acceptedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Close of the 5th working day after intake: accept or reject by then',
  })
  acceptanceDueAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      '承诺时限 deadline (17:30 of its working day); null before acceptance or while paused',
  })
  promisedDeadline!: Date | null;

  @Field(() => Date, { nullable: true, description: '法定时限 deadline; null as above' })
  statutoryDeadline!: Date | null;

  @Field(() => Int, { description: 'Working days added by approved extensions (延期)' })
  extensionDays!: number;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '办结: when the result was delivered' })
  completedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "What the center must meet next (the work queue's order); null when nothing is",
  })
  dueAt!: Date | null;

  @Field(() => ApplicationClockModel)
  clock!: ApplicationClockModel;

  @Field(() => [ApplicationAction], {
    description: 'The acts you may do now (the state allows them and you may act here)',
  })
  actions!: ApplicationAction[];

  @Field({ description: 'You approve extensions of this application (a manager of its center)' })
  mayApproveExtensions!: boolean;

  @Field(() => ApplicationStatus, {
    nullable: true,
    description: '代办, at the station: where the center it was forwarded to stands',
  })
  chainStatus!: ApplicationStatus | null;
}

@ObjectType('ApplicationConnection')
export class ApplicationConnection {
  @Field(() => [ApplicationModel])
  nodes!: ApplicationModel[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType()
export class ApplicantInput {
  @Field()
  @IsString()
  @MaxLength(100)
  name!: string;

  @Field(() => String, { nullable: true, description: '18 characters; checked (GB 11643)' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Mobile or landline with area code' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string | null;
}

@InputType()
export class SubmitApplicationInput {
  @Field(() => ID)
  @IsUUID()
  windowId!: string;

  @Field({ description: "The code of an item on the window's center's menu" })
  @IsString()
  @MaxLength(64)
  itemCode!: string;

  @Field(() => ApplicantInput)
  @ValidateNested()
  @Type(() => ApplicantInput)
  applicant!: ApplicantInput;

  @Field(() => String, {
    nullable: true,
    description:
      'A key the client makes once per intake (e.g. a UUID): sent again, the same application comes back',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,100}$/)
  intakeKey?: string | null;
}

@InputType()
export class ApplicationsFilterInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Only applications of this tenant and the tenants below it',
  })
  @IsOptional()
  @IsUUID()
  tenantId?: string;

  @Field(() => ApplicationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ApplicationStatus)
  status?: ApplicationStatus;
}

@InputType()
export class ApplicationsPageInput {
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
