import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo, TenantKind, TenantStatus } from '@tongban/core';
import { IsOptional, IsString, Matches, Max, Min } from 'class-validator';

@ObjectType('Tenant')
export class TenantModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => TenantKind)
  kind!: TenantKind;

  @Field({ description: 'Administrative division code (行政区划代码)' })
  divisionCode!: string;

  @Field(() => TenantStatus)
  status!: TenantStatus;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The name of the tenant directly above (shown even where that tenant is not)',
  })
  parentName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was suspended, while it is (its own suspension)',
  })
  suspensionReason?: string | null;
}

@ObjectType()
export class TenantConnection {
  @Field(() => [TenantModel])
  nodes!: TenantModel[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({
  description: 'What the logged-in user may do here (the server checks each call again)',
})
export class TenantPermissions {
  @Field()
  update!: boolean;

  @Field()
  suspend!: boolean;

  @Field({ description: 'Open a township center or village station directly below' })
  onboardBelow!: boolean;

  @Field()
  readWindows!: boolean;

  @Field({ description: 'Create windows and assign staff to them' })
  manageWindows!: boolean;

  @Field()
  readStaff!: boolean;

  @Field({ description: 'Invite staff, change their roles, disable and enable accounts' })
  manageStaff!: boolean;
}

@InputType()
export class TenantsPageInput {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–500 (default 200)' })
  @IsOptional()
  @Min(1)
  @Max(500)
  first?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6,12}$/)
  after?: string;
}
