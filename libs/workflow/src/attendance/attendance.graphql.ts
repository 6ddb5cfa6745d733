import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ClockDirection } from './attendance';
import { ClockEventOutcome, MAX_CLOCK_EVENTS } from './attendance.service';

registerEnumType(ClockDirection, {
  name: 'ClockDirection',
  description: 'Clock-in (上班打卡) or clock-out (下班打卡)',
});
registerEnumType(ClockEventOutcome, {
  name: 'ClockEventOutcome',
  description: 'RECORDED now, or REPLAYED: the terminal sent it before (nothing new recorded)',
});

@ObjectType('AttendanceTerminal', { description: "A center's fingerprint terminal (考勤机)" })
export class AttendanceTerminalModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field()
  label!: string;

  @Field()
  registeredByName!: string;

  @Field()
  registeredAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it last sent clock events' })
  lastSeenAt!: Date | null;
}

@ObjectType('RegisteredAttendanceTerminal')
export class RegisteredAttendanceTerminalModel {
  @Field(() => AttendanceTerminalModel)
  terminal!: AttendanceTerminalModel;

  @Field({ description: 'The terminal token: shown this once, stored only hashed' })
  token!: string;
}

@ObjectType('ClockEventReceipt')
export class ClockEventReceiptModel {
  @Field({ description: "The terminal's own id of the event" })
  eventId!: string;

  @Field(() => ClockEventOutcome)
  outcome!: ClockEventOutcome;
}

@ObjectType('AttendanceEntry', { description: 'A clock event entered by a manager' })
export class AttendanceEntryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  staffId!: string;

  @Field()
  at!: Date;

  @Field(() => ClockDirection)
  direction!: ClockDirection;
}

@ObjectType('AttendanceRow', { description: "One staff member's month" })
export class AttendanceRowModel {
  @Field(() => ID)
  staffId!: string;

  @Field()
  staffName!: string;

  @Field(() => Int, { description: 'Working days counted (up to today)' })
  workingDays!: number;

  @Field(() => Int)
  present!: number;

  @Field(() => Int, { description: 'Days the first clock-in came after opening (or none)' })
  late!: number;

  @Field(() => Int, { description: 'Days the last clock-out came before closing (or none)' })
  leftEarly!: number;

  @Field(() => Int, { description: 'Working days without any clock event' })
  absent!: number;
}

@ObjectType('AttendanceMonth', { description: "A tenant's monthly attendance sheet (考勤月报)" })
export class AttendanceMonthModel {
  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantName!: string;

  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field(() => Int, { description: "The month's working days up to today" })
  workingDays!: number;

  @Field(() => [AttendanceRowModel])
  rows!: AttendanceRowModel[];
}

@InputType()
export class RegisterAttendanceTerminalInput {
  @Field()
  @IsString()
  @MaxLength(200)
  label!: string;

  @Field(() => ID, { nullable: true, description: 'The center (your own by default)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tenantId?: string | null;
}

@InputType()
export class ClockEventInput {
  @Field({ description: "The terminal's own id of the event (a replay sends the same)" })
  @IsString()
  @MaxLength(200)
  eventId!: string;

  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  staffId!: string;

  @Field()
  @Type(() => Date)
  @IsDate()
  at!: Date;

  @Field(() => ClockDirection)
  @IsEnum(ClockDirection)
  direction!: ClockDirection;
}

@InputType()
export class RecordClockEventsInput {
  @Field({ description: 'The token given when the terminal was registered' })
  @IsString()
  @MaxLength(300)
  terminalToken!: string;

  @Field(() => [ClockEventInput], { description: `1–${MAX_CLOCK_EVENTS} events, oldest first` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CLOCK_EVENTS)
  @ValidateNested({ each: true })
  @Type(() => ClockEventInput)
  events!: ClockEventInput[];
}

@InputType()
export class EnterAttendanceInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  staffId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The staff member's center (your own by default)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tenantId?: string | null;

  @Field()
  @Type(() => Date)
  @IsDate()
  at!: Date;

  @Field(() => ClockDirection)
  @IsEnum(ClockDirection)
  direction!: ClockDirection;

  @Field({ description: 'Why it is entered by hand (a forgotten punch, the terminal down)' })
  @IsString()
  @MaxLength(1000)
  reason!: string;
}
