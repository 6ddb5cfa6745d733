import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
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
import { ApplicationStatus } from './application-status';

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
