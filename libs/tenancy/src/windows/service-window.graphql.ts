import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IntakeRefusal, ServiceWindowKind } from './service-window-kind';

registerEnumType(ServiceWindowKind, { name: 'ServiceWindowKind' });
registerEnumType(IntakeRefusal, {
  name: 'IntakeRefusal',
  description: 'Why the logged-in user may not take applications in at a window',
});

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

  @Field({ description: 'A disabled window takes nothing in; it is kept for its applications' })
  disabled!: boolean;

  @Field(() => String, {
    nullable: true,
    description: '视频监控: the address of the window’s camera in the video system',
  })
  cameraUrl!: string | null;
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
export class RenameServiceWindowInput {
  @Field(() => ID)
  @IsUUID()
  windowId!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  name!: string;
}

@InputType()
export class SetServiceWindowCameraInput {
  @Field(() => ID)
  @IsUUID()
  windowId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'http(s) or rtsp(s), without credentials; empty or null clears it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(600)
  cameraUrl?: string | null;
}

@InputType()
export class ServiceWindowInput {
  @Field(() => ID)
  @IsUUID()
  windowId!: string;
}
