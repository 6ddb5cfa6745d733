import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Role } from '@tongban/core';
import { IsArray, IsEnum, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { SetupLink } from '../identity/identity.graphql';

@ObjectType('StaffMember')
export class StaffMemberModel {
  @Field(() => ID)
  userId!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field({ description: 'INVITED (setup link not yet used), ACTIVE or DISABLED' })
  status!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => [ID])
  windowIds!: string[];
}

@InputType()
export class InviteStaffInput {
  @Field(() => ID)
  @IsUUID()
  tenantId!: string;

  @Field()
  @IsString()
  @MaxLength(64)
  username!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  displayName!: string;

  @Field(() => [Role])
  @IsArray()
  @IsEnum(Role, { each: true })
  roles!: Role[];
}

@ObjectType()
export class StaffInvitation {
  @Field(() => StaffMemberModel)
  staff!: StaffMemberModel;

  @Field(() => SetupLink)
  setupLink!: SetupLink;
}

@InputType()
export class SetStaffRolesInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field(() => [Role])
  @IsArray()
  @IsEnum(Role, { each: true })
  roles!: Role[];
}

@InputType()
export class StaffAccountInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;
}
