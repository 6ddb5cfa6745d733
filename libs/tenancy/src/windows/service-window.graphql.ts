import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ServiceWindowKind } from './service-window-kind';

registerEnumType(ServiceWindowKind, { name: 'ServiceWindowKind' });

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
