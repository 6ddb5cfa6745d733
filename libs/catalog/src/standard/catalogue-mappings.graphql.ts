import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { ItemMapping } from '../core/catalogue-diff';

/** A draft's mappings (调整对照) as the API reads and writes them. */
export enum ItemMappingKind {
  SPLIT = 'SPLIT',
  MERGE = 'MERGE',
  SUSPEND = 'SUSPEND',
}
registerEnumType(ItemMappingKind, {
  name: 'ItemMappingKind',
  description: 'SPLIT: one item became several; MERGE: several became one; SUSPEND: no new intake',
});

@ObjectType('ItemMapping', {
  description:
    'How items of the version before became this version’s: SPLIT (one `from`, several `to`), MERGE (several `from`, one `to`), SUSPEND (the item in `from`)',
})
export class ItemMappingModel {
  @Field(() => ItemMappingKind)
  kind!: ItemMappingKind;

  @Field(() => [String])
  from!: string[];

  @Field(() => [String])
  to!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'The item whose local settings carry over (SPLIT: one of `to`; MERGE: one of `from`)',
  })
  inheritor!: string | null;
}

@InputType()
export class ItemMappingInput {
  @Field(() => ItemMappingKind)
  @IsEnum(ItemMappingKind)
  kind!: ItemMappingKind;

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  from!: string[];

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  to!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  inheritor?: string | null;
}

@InputType()
export class SetCatalogueMappingsInput {
  @Field(() => ID, { description: 'The draft' })
  @IsUUID()
  versionId!: string;

  @Field(() => ID, { description: 'The version the mappings start from' })
  @IsUUID()
  previousVersionId!: string;

  @Field(() => [ItemMappingInput])
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ItemMappingInput)
  mappings!: ItemMappingInput[];
}

/** The stored mapping as the API shows it (one shape for the three kinds). */
export function mappingModelOf(mapping: ItemMapping): ItemMappingModel {
  switch (mapping.kind) {
    case 'SPLIT':
      return {
        kind: ItemMappingKind.SPLIT,
        from: [mapping.from],
        to: mapping.to,
        inheritor: mapping.inheritor,
      };
    case 'MERGE':
      return {
        kind: ItemMappingKind.MERGE,
        from: mapping.from,
        to: [mapping.to],
        inheritor: mapping.inheritor,
      };
    case 'SUSPEND':
      return { kind: ItemMappingKind.SUSPEND, from: [mapping.code], to: [], inheritor: null };
  }
}

/**
 * A mapping as the client sent it, in the stored shape; a shape that does not fit its kind
 * (a SPLIT from two items, a MERGE into none) is named by its index.
 */
export function mappingOf(input: ItemMappingInput, index: number): ItemMapping | string {
  const inheritor = input.inheritor ?? null;
  switch (input.kind) {
    case ItemMappingKind.SPLIT:
      if (input.from.length !== 1 || input.to.length < 2 || !inheritor) {
        return `mappings[${index}]: a split takes one item to two or more, with an inheritor`;
      }
      return { kind: 'SPLIT', from: input.from[0], to: input.to, inheritor };
    case ItemMappingKind.MERGE:
      if (input.from.length < 2 || input.to.length !== 1 || !inheritor) {
        return `mappings[${index}]: a merge takes two or more items to one, with an inheritor`;
      }
      return { kind: 'MERGE', from: input.from, to: input.to[0], inheritor };
    case ItemMappingKind.SUSPEND:
      if (input.from.length !== 1 || input.to.length !== 0 || inheritor) {
        return `mappings[${index}]: a suspension names one item`;
      }
      return { kind: 'SUSPEND', code: input.from[0] };
  }
}
