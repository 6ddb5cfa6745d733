import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '@tongban/core';
import {
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ComplaintChannel,
  ComplaintOutcome,
  ComplaintStatus,
  ComplaintSubjectKind,
} from './complaint';

registerEnumType(ComplaintStatus, {
  name: 'ComplaintStatus',
  description: 'RECEIVED; IN_PROGRESS (assigned); RESOLVED with an outcome; CLOSED with a reason',
});
registerEnumType(ComplaintChannel, {
  name: 'ComplaintChannel',
  description: 'At the complaint window, the 12345 hotline, a letter, or online',
});
registerEnumType(ComplaintOutcome, {
  name: 'ComplaintOutcome',
  description: '属实 / 部分属实 / 不属实',
});
registerEnumType(ComplaintSubjectKind, {
  name: 'ComplaintSubjectKind',
  description: 'What the complaint is about: a window, a staff member, an application',
});

@ObjectType('ComplaintEvent', { description: 'A handling step of a complaint' })
export class ComplaintEventModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'LOGGED, ASSIGNED, NOTE, RESOLVED or CLOSED' })
  action!: string;

  @Field()
  actorName!: string;

  @Field()
  occurredAt!: Date;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType('Complaint', { description: '投诉: a complaint and how it was handled' })
export class ComplaintModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantName!: string;

  @Field(() => ComplaintSubjectKind)
  subjectKind!: ComplaintSubjectKind;

  @Field(() => ID, { nullable: true, description: "The window, or the application's" })
  windowId!: string | null;

  @Field(() => String, { nullable: true })
  windowName!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The staff member, or the application's handler",
  })
  staffId!: string | null;

  @Field(() => String, { nullable: true })
  staffName!: string | null;

  @Field(() => ID, { nullable: true })
  applicationId!: string | null;

  @Field(() => String, { nullable: true })
  receiptNumber!: string | null;

  @Field(() => String, { nullable: true })
  itemName!: string | null;

  @Field(() => ComplaintChannel)
  channel!: ComplaintChannel;

  @Field({ description: 'Masked for readers who may not see it plainly' })
  complainantName!: string;

  @Field(() => String, { nullable: true, description: 'Masked like the name' })
  complainantPhone!: string | null;

  @Field({ description: "The complainant's name or phone is masked for you" })
  personalDataMasked!: boolean;

  @Field()
  content!: string;

  @Field()
  receivedAt!: Date;

  @Field({ description: 'Close of business of the last working day to handle it' })
  dueAt!: Date;

  @Field({ description: 'Still open past its due time' })
  overdue!: boolean;

  @Field(() => ComplaintStatus)
  status!: ComplaintStatus;

  @Field()
  loggedByName!: string;

  @Field(() => String, { nullable: true })
  assigneeName!: string | null;

  @Field(() => ComplaintOutcome, { nullable: true })
  outcome!: ComplaintOutcome | null;

  @Field(() => String, { nullable: true, description: 'What was done, or why it was closed' })
  resolution!: string | null;

  @Field(() => String, { nullable: true })
  finishedByName!: string | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field({ description: 'You may assign, note, resolve or close it' })
  mayHandle!: boolean;
}

@ObjectType('ComplaintDetail')
export class ComplaintDetailModel extends ComplaintModel {
  @Field(() => [ComplaintEventModel])
  events!: ComplaintEventModel[];
}

@ObjectType('ComplaintConnection')
export class ComplaintConnection {
  @Field(() => [ComplaintModel])
  nodes!: ComplaintModel[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

// Exactly one of windowId, staffId and applicationId: checked by the service (ONE_SUBJECT).
@InputType()
export class LogComplaintInput {
  @Field(() => ID, { nullable: true, description: 'A complaint about a window' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  windowId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A complaint about a staff member' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  staffId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A complaint about an application (its window and handler are recorded)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  applicationId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The staff member's tenant (your own by default)",
  })
  @IsOptional()
  @IsUUID()
  tenantId?: string | null;

  @Field(() => ComplaintChannel)
  @IsEnum(ComplaintChannel)
  channel!: ComplaintChannel;

  @Field()
  @IsString()
  @MaxLength(400)
  complainantName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  complainantPhone?: string | null;

  @Field({ description: 'What the complaint says' })
  @IsString()
  @MaxLength(8000)
  content!: string;
}

@InputType()
export class AssignComplaintInput {
  @Field(() => ID)
  @IsUUID()
  complaintId!: string;

  @Field(() => ID, { description: 'Someone of the center, or yourself' })
  @IsUUID()
  assigneeId!: string;
}

@InputType()
export class AddComplaintNoteInput {
  @Field(() => ID)
  @IsUUID()
  complaintId!: string;

  @Field()
  @IsString()
  @MaxLength(8000)
  note!: string;
}

@InputType()
export class ResolveComplaintInput {
  @Field(() => ID)
  @IsUUID()
  complaintId!: string;

  @Field(() => ComplaintOutcome, { nullable: true, description: 'Required (BAD_USER_INPUT)' })
  @IsOptional()
  @IsEnum(ComplaintOutcome)
  outcome?: ComplaintOutcome | null;

  @Field({ description: 'What was done' })
  @IsString()
  @MaxLength(8000)
  resolution!: string;
}

@InputType()
export class CloseComplaintInput {
  @Field(() => ID)
  @IsUUID()
  complaintId!: string;

  @Field({ description: 'Why it is closed without a finding' })
  @IsString()
  @MaxLength(8000)
  reason!: string;
}

@InputType()
export class ComplaintsFilterInput {
  @Field(() => ID, { nullable: true, description: 'This tenant and those below it' })
  @IsOptional()
  @IsUUID()
  tenantId?: string;

  @Field(() => ComplaintStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ComplaintStatus)
  status?: ComplaintStatus;

  @Field(() => Boolean, { nullable: true, description: 'Only those open past their due time' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@InputType()
export class ComplaintsPageInput {
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
