import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Role } from '../identity/role';
import { TenantModel } from '../identity/identity.graphql';
import { ServiceWindowKind } from './service-window.entity';
import { TenantKind } from './tenant-kind';

registerEnumType(ServiceWindowKind, { name: 'ServiceWindowKind' });

@ObjectType()
export class PageInfo {
  @Field({ nullable: true })
  endCursor?: string;

  @Field()
  hasNextPage!: boolean;
}

@ObjectType()
export class TenantConnection {
  @Field(() => [TenantModel])
  nodes!: TenantModel[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType('ServiceWindow')
export class ServiceWindowModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => ServiceWindowKind)
  kind!: ServiceWindowKind;

  @Field(() => [ID], { description: 'Staff assigned to this window' })
  staffIds!: string[];
}

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

@ObjectType()
export class OnboardingChecklistModel {
  @Field({ description: 'The first manager has set up their account' })
  managerReady!: boolean;

  @Field({ description: 'The hall has at least one window' })
  hasWindow!: boolean;

  @Field()
  complete!: boolean;
}

@ObjectType()
export class SetupLink {
  @Field({ description: 'One-time token; shown only now' })
  token!: string;

  @Field({ description: 'Admin-app path that completes the setup' })
  path!: string;

  @Field()
  expiresAt!: Date;
}

@InputType()
export class NewWindowInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(16)
  code!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  name!: string;

  @Field(() => ServiceWindowKind)
  @IsEnum(ServiceWindowKind)
  kind!: ServiceWindowKind;
}

@InputType()
export class NewManagerInput {
  @Field()
  @IsString()
  @MaxLength(64)
  username!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  displayName!: string;
}

@InputType()
export class OnboardTenantInput {
  @Field(() => ID, { description: 'The county (or township) the new tenant goes under' })
  @IsUUID()
  parentId!: string;

  @Field(() => TenantKind)
  @IsEnum(TenantKind)
  kind!: TenantKind;

  @Field()
  @IsString()
  @Matches(/^\d{6,12}$/, { message: 'divisionCode must be 6 to 12 digits' })
  divisionCode!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  name!: string;

  @Field(() => [NewWindowInput])
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => NewWindowInput)
  windows!: NewWindowInput[];

  @Field(() => NewManagerInput)
  @ValidateNested()
  @Type(() => NewManagerInput)
  manager!: NewManagerInput;
}

@ObjectType()
export class OnboardingPreviewWindow {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => ServiceWindowKind)
  kind!: ServiceWindowKind;
}

@ObjectType()
export class OnboardingPreview {
  @Field(() => TenantModel)
  parent!: TenantModel;

  @Field(() => TenantKind)
  kind!: TenantKind;

  @Field()
  divisionCode!: string;

  @Field()
  name!: string;

  @Field(() => [OnboardingPreviewWindow])
  windows!: OnboardingPreviewWindow[];

  @Field()
  managerUsername!: string;

  @Field()
  managerDisplayName!: string;

  @Field(() => Role, { description: 'The role the first account gets' })
  managerRole!: Role;

  @Field(() => [String], {
    description: 'Why onboarding would be refused; empty when it can go ahead',
  })
  problems!: string[];
}

@ObjectType()
export class OnboardingResult {
  @Field(() => TenantModel)
  tenant!: TenantModel;

  @Field(() => SetupLink, { description: "The first manager's one-time setup link (72 hours)" })
  managerSetupLink!: SetupLink;
}

@InputType()
export class CompleteSetupInput {
  @Field()
  @IsString()
  @MaxLength(200)
  token!: string;

  @Field()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password!: string;
}

@InputType()
export class SuspendTenantInput {
  @Field(() => ID)
  @IsUUID()
  tenantId!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

@InputType()
export class ReactivateTenantInput {
  @Field(() => ID)
  @IsUUID()
  tenantId!: string;
}

@InputType()
export class CreateServiceWindowInput extends NewWindowInput {
  @Field(() => ID)
  @IsUUID()
  tenantId!: string;
}

@InputType()
export class WindowAssignmentInput {
  @Field(() => ID)
  @IsUUID()
  windowId!: string;

  @Field(() => ID)
  @IsUUID()
  userId!: string;
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
