import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Role, TenantKind } from '@tongban/core';
import { TenantModel } from '../tenant/tenant.graphql';

@InputType()
export class LoginInput {
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username!: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

@InputType()
export class RefreshInput {
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

@ObjectType({ description: 'Tokens issued by login and refresh' })
export class AuthPayload {
  @Field({ description: 'Short-lived JWT (ES256) for the Authorization: Bearer header' })
  accessToken!: string;

  @Field({ description: 'Single-use token for `refresh`; each use returns a new one' })
  refreshToken!: string;

  @Field(() => Int, { description: 'Seconds until the access token expires' })
  expiresIn!: number;

  @Field()
  tokenType!: string;
}

@ObjectType({ description: 'The logged-in user, their home tenant and their roles there' })
export class CurrentUser {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => TenantModel)
  tenant!: TenantModel;
}

export enum PermissionAction {
  READ = 'read',
  CREATE = 'create',
  UPDATE = 'update',
  APPROVE = 'approve',
  ONBOARD = 'onboard',
  SUSPEND = 'suspend',
}
export enum PermissionSubject {
  TENANT = 'Tenant',
  SERVICE_WINDOW = 'ServiceWindow',
  STAFF = 'Staff',
  AUDIT_EVENT = 'AuditEvent',
  APPLICATION = 'Application',
  CATALOGUE = 'Catalogue',
  IMPLEMENTATION_ITEM = 'ImplementationItem',
  MENU_TEMPLATE = 'MenuTemplate',
  CATALOGUE_ROLLOUT = 'CatalogueRollout',
  CONSULTATION = 'Consultation',
  WORKING_CALENDAR = 'WorkingCalendar',
  EVALUATION_DEVICE = 'EvaluationDevice',
  RECTIFICATION = 'Rectification',
  WARNING = 'Warning',
  SUPERVISION_SETTINGS = 'SupervisionSettings',
  COMPLAINT = 'Complaint',
  ATTENDANCE = 'Attendance',
}
export enum Visibility {
  /** Their own tenant only. */
  TENANT = 'tenant',
  /** Their tenant and every tenant below it. */
  SUBTREE = 'subtree',
}
registerEnumType(PermissionAction, { name: 'PermissionAction' });
registerEnumType(PermissionSubject, { name: 'PermissionSubject' });
registerEnumType(Visibility, { name: 'Visibility' });

@ObjectType({
  description:
    'Something the user may do to some records of a subject (the server checks each call)',
})
export class Permission {
  @Field(() => PermissionAction)
  action!: PermissionAction;

  @Field(() => PermissionSubject)
  subject!: PermissionSubject;
}

@ObjectType({ description: 'A role the user may give, and the kinds of tenant where it is held' })
export class GrantableRole {
  @Field(() => Role)
  role!: Role;

  @Field(() => [TenantKind])
  tenantKinds!: TenantKind[];
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
