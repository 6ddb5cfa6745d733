import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@tongban/core';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { SetupLink } from '../identity/identity.graphql';

import { UserStatus } from '../identity/user.repository';

registerEnumType(UserStatus, { name: 'StaffStatus' });

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

  @Field(() => UserStatus, {
    description: 'INVITED (setup link not yet used: pending), ACTIVE or DISABLED',
  })
  status!: UserStatus;

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

  @Field(() => [Role], { description: 'A set of 1 to 7 roles, each one the granter may give' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
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

  @Field(() => [Role], { description: 'A set of 1 to 7 roles, each one the granter may give' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles!: Role[];
}

@InputType()
export class StaffAccountInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;
}
