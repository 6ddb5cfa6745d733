import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
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
import { CalendarLayerKind } from '../calendar/holiday-schedule';

registerEnumType(CalendarLayerKind, { name: 'CalendarLayerKind' });

export enum CalendarDayReason {
  WEEKDAY = 'WEEKDAY',
  WEEKEND = 'WEEKEND',
  DAY_OFF = 'DAY_OFF',
  ADJUSTED_WORKDAY = 'ADJUSTED_WORKDAY',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(CalendarDayReason, { name: 'CalendarDayReason' });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('HolidayNotice', { description: 'The notice a year is taken from, as it is cited' })
export class HolidayNoticeModel {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'e.g. 国办发明电〔2025〕7号' })
  documentNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  issuedOn!: string | null;
}

@ObjectType('DayOffRange', {
  description: 'Days off as the notice writes them (both ends included)',
})
export class DayOffRangeModel {
  @Field()
  name!: string;

  @Field({ description: 'YYYY-MM-DD' })
  first!: string;

  @Field({ description: 'YYYY-MM-DD' })
  last!: string;
}

@ObjectType('CalendarYear')
export class CalendarYearModel {
  @Field(() => Int)
  year!: number;

  @Field(() => HolidayNoticeModel, { nullable: true })
  notice!: HolidayNoticeModel | null;

  @Field(() => [DayOffRangeModel])
  daysOff!: DayOffRangeModel[];

  @Field(() => [String], { description: 'Weekend days declared working (调休上班)' })
  adjustedWorkdays!: string[];

  @Field({ description: 'Shipped with the code (verified), not entered in the app' })
  shipped!: boolean;

  @Field(() => Date, { nullable: true })
  enteredAt!: Date | null;
}

@ObjectType('CalendarLayer', {
  description: "One layer of a tenant's calendar: national, its region's, a tenant's local days",
})
export class CalendarLayerModel {
  @Field(() => CalendarLayerKind)
  kind!: CalendarLayerKind;

  @Field({
    description: 'Who declares it (国务院办公厅, 广西壮族自治区) or the division code of a tenant',
  })
  name!: string;

  @Field(() => [CalendarYearModel])
  years!: CalendarYearModel[];
}

@ObjectType('CalendarDay')
export class CalendarDayModel {
  @Field({ description: 'YYYY-MM-DD' })
  date!: string;

  @Field(() => Boolean, { nullable: true, description: 'Null in a year not entered yet' })
  working!: boolean | null;

  @Field(() => CalendarDayReason)
  reason!: CalendarDayReason;

  @Field(() => String, { nullable: true })
  holiday!: string | null;

  @Field(() => String, { nullable: true, description: 'The layer that declared the day' })
  layer!: string | null;
}

@ObjectType('BusinessPeriod', { description: 'An opening of the hall, Beijing time' })
export class BusinessPeriodModel {
  @Field({ description: 'HH:MM' })
  opens!: string;

  @Field({ description: 'HH:MM' })
  closes!: string;
}

@ObjectType('WorkingCalendarYear', { description: "A tenant's year, day by day" })
export class WorkingCalendarYearModel {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => Int)
  year!: number;

  @Field({ description: 'Every published layer has entered the year' })
  known!: boolean;

  @Field(() => [CalendarDayModel])
  days!: CalendarDayModel[];

  @Field(() => [BusinessPeriodModel], { description: "The tenant's (or nearest ancestor's) hours" })
  businessHours!: BusinessPeriodModel[];
}

@InputType()
export class HolidayNoticeInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  documentNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE)
  issuedOn?: string | null;
}

@InputType()
export class DayOffRangeInput {
  @Field()
  @IsString()
  @MaxLength(50)
  name!: string;

  @Field()
  @IsString()
  @MaxLength(10)
  first!: string;

  @Field()
  @IsString()
  @MaxLength(10)
  last!: string;
}

export enum CalendarEntryKind {
  NATIONAL = 'NATIONAL',
  REGIONAL = 'REGIONAL',
  LOCAL = 'LOCAL',
}
registerEnumType(CalendarEntryKind, { name: 'CalendarEntryKind' });

@InputType()
export class EnterCalendarYearInput {
  @Field(() => ID, {
    description: 'NATIONAL: any tenant of the operator; REGIONAL: the province; LOCAL: the tenant',
  })
  @IsUUID()
  tenantId!: string;

  @Field(() => CalendarEntryKind)
  @IsEnum(CalendarEntryKind)
  kind!: CalendarEntryKind;

  @Field(() => Int)
  @IsInt()
  @Min(1900)
  @Max(2200)
  year!: number;

  @Field(() => HolidayNoticeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => HolidayNoticeInput)
  notice?: HolidayNoticeInput | null;

  @Field(() => [DayOffRangeInput])
  @ValidateNested({ each: true })
  @Type(() => DayOffRangeInput)
  @ArrayMaxSize(60)
  daysOff!: DayOffRangeInput[];

  @Field(() => [String])
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  @ArrayMaxSize(30)
  adjustedWorkdays!: string[];
}

@InputType()
export class BusinessPeriodInput {
  @Field()
  @IsString()
  @MaxLength(5)
  opens!: string;

  @Field()
  @IsString()
  @MaxLength(5)
  closes!: string;
}

@InputType()
export class SetBusinessHoursInput {
  @Field(() => ID)
  @IsUUID()
  tenantId!: string;

  @Field(() => [BusinessPeriodInput])
  @ValidateNested({ each: true })
  @Type(() => BusinessPeriodInput)
  @ArrayMaxSize(10)
  periods!: BusinessPeriodInput[];
}
