import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '@tongban/core';
import {
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ConsultationChannel } from './consultation-entry';

registerEnumType(ConsultationChannel, {
  name: 'ConsultationChannel',
  description: 'How a question came: 现场, 电话, 网上',
});

@ObjectType('Consultation', { description: '咨询: a question answered at a window, logged' })
export class ConsultationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantName!: string;

  @Field(() => ID, { description: "The window (a station's service point) that answered it" })
  windowId!: string;

  @Field()
  windowName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The item of the menu asked about; null for a general question',
  })
  itemCode!: string | null;

  @Field(() => String, { nullable: true, description: "The item's name as it was then" })
  itemName!: string | null;

  @Field(() => ConsultationChannel)
  channel!: ConsultationChannel;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  loggedByName!: string;

  @Field()
  loggedAt!: Date;
}

@ObjectType('ConsultationWindow', {
  description: 'A window where you may log consultations now',
})
export class ConsultationWindowModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantName!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;
}

@ObjectType('ConsultationConnection')
export class ConsultationConnection {
  @Field(() => [ConsultationModel])
  nodes!: ConsultationModel[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType('ConsultationChannelCount')
export class ConsultationChannelCount {
  @Field(() => ConsultationChannel)
  channel!: ConsultationChannel;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ConsultationItemCount')
export class ConsultationItemCount {
  @Field()
  itemCode!: string;

  @Field({ description: 'The name it was last logged under' })
  itemName!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ConsultationCounts', {
  description:
    'Consultations of a tenant and the tenants below it over Beijing calendar days, those you may read',
})
export class ConsultationCountsModel {
  @Field(() => ID)
  tenantId!: string;

  @Field({ description: 'First day counted (YYYY-MM-DD, Beijing)' })
  from!: string;

  @Field({ description: 'Last day counted, included' })
  to!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => Int, { description: 'About no one item' })
  general!: number;

  @Field(() => [ConsultationChannelCount], { description: 'Every channel, in a fixed order' })
  byChannel!: ConsultationChannelCount[];

  @Field(() => [ConsultationItemCount], { description: 'The 10 items asked about most' })
  topItems!: ConsultationItemCount[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class LogConsultationInput {
  @Field(() => ID, { description: 'A window you work (at a station: its service point)' })
  @IsUUID()
  windowId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The code of an item on the window's center's menu; none for a general question",
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  itemCode?: string | null;

  @Field(() => ConsultationChannel)
  @IsEnum(ConsultationChannel)
  channel!: ConsultationChannel;

  @Field(() => String, { nullable: true, description: 'At most 500 characters' })
  @IsOptional()
  @IsString()
  // The 500-character rule is the service's (counted in characters, with a problem entry);
  // this only keeps a huge string from travelling further.
  @MaxLength(4000)
  note?: string | null;
}

@InputType()
export class ConsultationsFilterInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Only consultations of this tenant and the tenants below it',
  })
  @IsOptional()
  @IsUUID()
  tenantId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  windowId?: string;

  @Field({ nullable: true, description: 'From this Beijing calendar day (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  @Matches(DAY)
  from?: string;

  @Field({ nullable: true, description: 'To this Beijing calendar day, included' })
  @IsOptional()
  @IsString()
  @Matches(DAY)
  to?: string;
}

@InputType()
export class ConsultationsPageInput {
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
