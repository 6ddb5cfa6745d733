import { Field, ObjectType } from '@nestjs/graphql';

/** Where a cursor-paginated list stands (DESIGN.md §5: every list is cursor-paginated). */
@ObjectType()
export class PageInfo {
  @Field({ nullable: true })
  endCursor?: string;

  @Field()
  hasNextPage!: boolean;
}

/** One page of a list: the rows, and whether more follow. */
export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** `first + 1` rows fetched → a page of `first` and whether there was one more. */
export function pageOf<T>(rows: T[], first: number, cursorOf: (last: T) => string): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return {
    nodes,
    hasNextPage: rows.length > first,
    endCursor: last === undefined ? null : cursorOf(last),
  };
}
