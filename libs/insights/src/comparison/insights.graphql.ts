import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo, TenantKind } from '@tongban/core';
import {
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { FIGURE_KEYS, type FigureKey } from '../figures/figures';

/** Every figure's key, as a GraphQL enum (values are the keys themselves). */
export const InsightFigureKey = Object.fromEntries(FIGURE_KEYS.map((key) => [key, key])) as {
  [K in FigureKey]: K;
};
registerEnumType(InsightFigureKey, {
  name: 'InsightFigureKey',
  description: 'A figure of DESIGN.md §4.5 (see insightDefinitions for what each means)',
});

export enum InsightFigureUnit {
  COUNT = 'COUNT',
  RATE = 'RATE',
  WORKING_DAYS = 'WORKING_DAYS',
}
registerEnumType(InsightFigureUnit, { name: 'InsightFigureUnit' });

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class InsightPeriodInput {
  @Field(() => ID, { description: 'The tenant the figures are of (with the tenants below it)' })
  @IsUUID()
  tenantId!: string;

  @Field({ description: 'First Beijing calendar day (YYYY-MM-DD)' })
  @IsString()
  @Matches(DAY)
  from!: string;

  @Field({ description: 'Last Beijing calendar day, included; at most 732 days after `from`' })
  @IsString()
  @Matches(DAY)
  to!: string;

  @Field(() => String, { nullable: true, description: 'Only this item (by code)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  itemCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Only the items of this competent department, as the catalogue names it (insightItems' departments)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  department?: string | null;

  @Field({
    nullable: true,
    description: 'The tenant alone instead of it with everything below it (default false)',
  })
  @IsOptional()
  @IsBoolean()
  tenantOnly?: boolean;
}

@InputType()
export class InsightComparisonInput extends InsightPeriodInput {
  @Field(() => TenantKind, {
    nullable: true,
    description:
      'Compare every tenant of this tier below the tenant (e.g. all village stations of a county) instead of its children',
  })
  @IsOptional()
  @IsEnum(TenantKind)
  tier?: TenantKind | null;
}

@InputType()
export class InsightCasesInput extends InsightPeriodInput {
  @Field(() => InsightFigureKey, { description: 'The figure whose cases are listed' })
  @IsEnum(InsightFigureKey)
  figure!: FigureKey;

  @Field(() => Int, { nullable: true, description: 'Page size, 1–500 (default 100)' })
  @IsOptional()
  @Min(1)
  @Max(500)
  first?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,128}$/)
  after?: string;
}

@ObjectType('InsightFigureDefinition', { description: 'What a figure means, as shown beside it' })
export class InsightFigureDefinitionModel {
  @Field(() => InsightFigureKey)
  key!: FigureKey;

  @Field(() => InsightFigureUnit)
  unit!: InsightFigureUnit;

  @Field()
  nameZh!: string;

  @Field()
  nameEn!: string;

  @Field()
  definitionZh!: string;

  @Field()
  definitionEn!: string;

  @Field({ description: 'Whether the cases behind it can be listed (not for consultations)' })
  listable!: boolean;
}

@ObjectType('InsightItem', {
  description: 'An item figures can be filtered by: its code, name and competent department',
})
export class InsightItemModel {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  department!: string;
}

@ObjectType('InsightFigure')
export class InsightFigureModel {
  @Field(() => InsightFigureKey)
  key!: FigureKey;

  @Field(() => Float, {
    nullable: true,
    description:
      'A count; a rate as a fraction (0.9565); working days to two decimals; null over nothing',
  })
  value!: number | null;
}

@ObjectType('InsightRankedFigure')
export class InsightRankedFigureModel extends InsightFigureModel {
  @Field(() => Int, {
    nullable: true,
    description: '1 is the best of the siblings; null without a value',
  })
  rank!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of the siblings this one does at least as well as (0–1)',
  })
  percentile!: number | null;
}

@ObjectType('InsightPeriod')
export class InsightPeriodModel {
  @Field()
  from!: string;

  @Field()
  to!: string;
}

@ObjectType('InsightFigures', {
  description: "A tenant's figures for a period, with the one before and a year before",
})
export class InsightFiguresModel {
  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantName!: string;

  @Field(() => InsightPeriodModel)
  period!: InsightPeriodModel;

  @Field(() => [InsightFigureModel])
  figures!: InsightFigureModel[];

  @Field(() => InsightPeriodModel, {
    description: 'The period as long just before (month on month)',
  })
  previousPeriod!: InsightPeriodModel;

  @Field(() => [InsightFigureModel])
  previous!: InsightFigureModel[];

  @Field(() => InsightPeriodModel, { description: 'The same days a year before (year on year)' })
  yearBeforePeriod!: InsightPeriodModel;

  @Field(() => [InsightFigureModel])
  yearBefore!: InsightFigureModel[];
}

@ObjectType('InsightComparisonRow')
export class InsightComparisonRowModel {
  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantName!: string;

  @Field()
  tenantKind!: string;

  @Field()
  divisionCode!: string;

  @Field(() => [InsightRankedFigureModel])
  figures!: InsightRankedFigureModel[];
}

@ObjectType('InsightComparison', {
  description: "A tenant's children side by side (each with what is below it), ranked",
})
export class InsightComparisonModel {
  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantName!: string;

  @Field(() => InsightPeriodModel)
  period!: InsightPeriodModel;

  @Field(() => [InsightComparisonRowModel])
  rows!: InsightComparisonRowModel[];

  @Field(() => [InsightFigureModel], { description: 'The parent as a whole (its whole subtree)' })
  whole!: InsightFigureModel[];

  @Field(() => [InsightFigureModel], { description: "The children's average of each figure" })
  average!: InsightFigureModel[];
}

@ObjectType('InsightSeriesPoint')
export class InsightSeriesPointModel {
  @Field({ description: 'The month (YYYY-MM)' })
  month!: string;

  @Field(() => [InsightFigureModel])
  figures!: InsightFigureModel[];
}

@ObjectType('InsightCase', { description: 'One application behind a figure (no personal data)' })
export class InsightCaseModel {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantName!: string;

  @Field()
  receiptNumber!: string;

  @Field()
  itemCode!: string;

  @Field()
  itemName!: string;

  @Field()
  status!: string;

  @Field()
  submittedOn!: string;

  @Field(() => String, { nullable: true })
  acceptedOn!: string | null;

  @Field(() => String, { nullable: true })
  completedOn!: string | null;

  @Field(() => Date, { nullable: true })
  promisedDeadline!: Date | null;

  @Field(() => Float, { nullable: true })
  acceptanceDays!: number | null;

  @Field(() => Float, { nullable: true })
  handlingDays!: number | null;

  @Field(() => Boolean, { nullable: true })
  onTime!: boolean | null;

  @Field(() => Int, { nullable: true, description: "The applicant's rating (5 best)" })
  rating!: number | null;

  @Field(() => Int, { nullable: true })
  defaultRating!: number | null;
}

@ObjectType('InsightCaseConnection')
export class InsightCaseConnection {
  @Field(() => [InsightCaseModel])
  nodes!: InsightCaseModel[];

  @Field(() => Int, { description: 'How many cases the figure counts: the list has as many' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType('InsightYearlySummary', {
  description: 'Section I of a yearly work summary, from the data',
})
export class InsightYearlySummaryModel {
  @Field()
  title!: string;

  @Field({ description: 'The paragraphs, in Chinese, separated by blank lines' })
  text!: string;
}

export enum AssessmentUnit {
  WINDOW = 'WINDOW',
  STAFF = 'STAFF',
}
registerEnumType(AssessmentUnit, {
  name: 'AssessmentUnit',
  description: 'Assess windows, or the staff by the cases they completed',
});

@ObjectType('AssessmentWeights', {
  description: 'Weights of the monthly assessment, summing to 100',
})
@InputType('AssessmentWeightsInput')
export class AssessmentWeightsModel {
  @Field(() => Int)
  @Min(0)
  @Max(100)
  volume!: number;

  @Field(() => Int)
  @Min(0)
  @Max(100)
  onTime!: number;

  @Field(() => Int)
  @Min(0)
  @Max(100)
  satisfaction!: number;

  @Field(() => Int)
  @Min(0)
  @Max(100)
  badReviews!: number;

  @Field(() => Int)
  @Min(0)
  @Max(100)
  warnings!: number;

  @Field(() => Int)
  @Min(0)
  @Max(100)
  attendance!: number;
}

@ObjectType('AssessmentComponents', { description: 'Each component of the score, 0–100' })
export class AssessmentComponentsModel {
  @Field(() => Float)
  volume!: number;

  @Field(() => Float)
  onTime!: number;

  @Field(() => Float)
  satisfaction!: number;

  @Field(() => Float)
  badReviews!: number;

  @Field(() => Float)
  warnings!: number;

  @Field(() => Float)
  attendance!: number;
}

@ObjectType('AssessmentRow')
export class AssessmentRowModel {
  @Field(() => ID, { description: 'The window, or the staff member' })
  id!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  completions!: number;

  @Field(() => Int)
  completedOnTime!: number;

  @Field(() => Int)
  openOverdue!: number;

  @Field(() => Int)
  evaluations!: number;

  @Field(() => Int)
  satisfied!: number;

  @Field(() => Int)
  badReviews!: number;

  @Field(() => Int)
  yellowCards!: number;

  @Field(() => Int)
  redCards!: number;

  @Field(() => AssessmentComponentsModel)
  components!: AssessmentComponentsModel;

  @Field(() => Float)
  score!: number;

  @Field(() => Int)
  rank!: number;

  @Field({ description: '服务示范窗口 candidate' })
  candidate!: boolean;
}

@ObjectType('MonthlyAssessment', {
  description: "A center's monthly assessment of its windows or staff",
})
export class MonthlyAssessmentModel {
  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantName!: string;

  @Field()
  month!: string;

  @Field(() => AssessmentUnit)
  by!: AssessmentUnit;

  @Field(() => AssessmentWeightsModel)
  weights!: AssessmentWeightsModel;

  @Field(() => ID, {
    nullable: true,
    description: 'The tenant whose weights apply; null: the defaults',
  })
  weightsSetBy!: string | null;

  @Field()
  formulaZh!: string;

  @Field()
  formulaEn!: string;

  @Field(() => [AssessmentRowModel])
  rows!: AssessmentRowModel[];
}
