import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  Matches,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ArrayMaxSize,
} from 'class-validator';
import { type Material, MaterialModel } from '@tongban/catalog';
import { PauseKind } from '../lifecycle/transitions';
import { ApplicationStatus } from '../lifecycle/application-status';

@InputType({ description: 'What every act names: the application and the version you saw' })
export class ActInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int, {
    description: 'The version you saw: if someone acted since, the act is refused (CONFLICT)',
  })
  @IsInt()
  @Min(1)
  version!: number;

  @Field(() => String, { nullable: true, description: 'Why; required to reject, deny and suspend' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

@InputType()
export class ForwardApplicationInput extends ActInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The center above to forward to; none: the nearest that handles the item (township before county)',
  })
  @IsOptional()
  @IsUUID()
  toTenantId?: string | null;
}

@ObjectType('ProxyChainLink', {
  description: '代办: the other end of a forwarded application, as both ends are shown it',
})
export class ChainLinkModel {
  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantName!: string;

  @Field(() => ID)
  applicationId!: string;

  @Field({ description: 'The one receipt the applicant holds' })
  receiptNumber!: string;

  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field({ description: 'When it reached that end' })
  submittedAt!: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  promisedDeadline!: Date | null;

  @Field(() => Date, { nullable: true })
  statutoryDeadline!: Date | null;

  @Field(() => Date, { nullable: true, description: 'What that end must meet next' })
  dueAt!: Date | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;
}

@ObjectType('ForwardTarget')
export class ForwardTargetModel {
  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantName!: string;
}

@InputType()
export class RequestSupplementInput extends ActInput {
  @Field(() => [String], {
    description:
      "The item's materials that are missing: the one-time notification (一次性告知) lists them",
  })
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @ArrayMaxSize(50)
  missingMaterials!: string[];
}

@InputType()
export class SuspendApplicationInput extends ActInput {
  @Field(() => PauseKind, { description: 'The procedure the statute excludes from the time limit' })
  @IsEnum(PauseKind)
  procedure!: PauseKind;
}

@InputType()
export class RequestExtensionInput extends ActInput {
  @Field(() => Int, { description: 'Working days to add (1–60)' })
  @IsInt()
  @Min(1)
  @Max(60)
  workingDays!: number;
}

@InputType()
export class DecideExtensionInput {
  @Field(() => ID)
  @IsUUID()
  extensionId!: string;

  @Field()
  @IsBoolean()
  approve!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

@ObjectType('ApplicationEvent', {
  description: 'One step of the timeline: who, when, from, to, why',
})
export class ApplicationEventModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ApplicationStatus, { nullable: true })
  fromStatus!: ApplicationStatus | null;

  @Field(() => ApplicationStatus)
  toStatus!: ApplicationStatus;

  @Field({ description: 'The act (ACCEPT, REQUEST_EXTENSION, …); SUBMIT for intake' })
  action!: string;

  @Field()
  actorName!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => [MaterialModel], {
    nullable: true,
    description:
      'REQUEST_SUPPLEMENT: the missing materials, as the one-time notification lists them',
  })
  missingMaterials!: Material[] | null;

  @Field(() => PauseKind, { nullable: true, description: 'SUSPEND: the procedure' })
  procedure!: PauseKind | null;

  @Field(() => Int, { nullable: true, description: 'Extension acts: the working days' })
  extensionWorkingDays!: number | null;

  @Field()
  occurredAt!: Date;
}

@ObjectType('ApplicationPause')
export class ApplicationPauseModel {
  @Field(() => PauseKind)
  kind!: PauseKind;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;
}

@ObjectType('ApplicationExtension', {
  description: '延期: asked with a reason, decided by a manager',
})
export class ApplicationExtensionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  workingDays!: number;

  @Field()
  reason!: string;

  @Field({ description: 'PENDING, APPROVED or REFUSED' })
  status!: string;

  @Field()
  requestedByName!: string;

  @Field()
  requestedAt!: Date;

  @Field(() => String, { nullable: true })
  decidedByName!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  decisionNote!: string | null;
}

@InputType()
export class WorkQueueFilterInput {
  @Field(() => ApplicationStatus, { nullable: true, description: 'One open state' })
  @IsOptional()
  @IsEnum(ApplicationStatus)
  status?: ApplicationStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  windowId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only what is past due' })
  @IsOptional()
  @IsBoolean()
  overdueOnly?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'A receipt number or item code, or its start',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[^%_\\]*$/)
  search?: string | null;
}
