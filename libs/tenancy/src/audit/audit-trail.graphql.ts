import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@tongban/core';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ObjectType('AuditEvent', { description: 'Who did what to a tenant, and when' })
export class AuditEventModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'e.g. TENANT_ONBOARDED, STAFF_INVITED, STAFF_SETUP_COMPLETED' })
  action!: string;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: 'Display name of who did it' })
  actorName!: string | null;

  @Field(() => ID, { nullable: true, description: 'The person, window or tenant acted on' })
  subjectId!: string | null;

  @Field({ description: 'What else was recorded, as JSON (e.g. the roles an invitation gave)' })
  details!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventModel])
  nodes!: AuditEventModel[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType()
export class AuditTrailPageInput {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–200 (default 50)' })
  @IsOptional()
  @Min(1)
  @Max(200)
  first?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}
