import { type ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  InsightCasesDocument,
  type InsightCasesInput,
  type InsightCasesQuery,
} from '../../../shared/api/graphql.generated';

export type InsightCase = InsightCasesQuery['insightCases']['nodes'][number];

const PAGE_SIZE = 100;
/** The most an export gathers in the browser (a larger list is refused with this limit). */
export const EXPORT_LIMIT = 10_000;

/** The cases behind a figure, a page at a time; null input: nothing asked. */
export function useInsightCases(input: Omit<InsightCasesInput, 'first' | 'after'> | null) {
  const client = useApolloClient();
  const [rows, setRows] = useState<InsightCase[] | null>(null);
  const [totalCount, setTotalCount] = useState<number | null>(null);
  const [endCursor, setEndCursor] = useState<string | null>(null);
  const [hasNextPage, setHasNextPage] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const key = input ? JSON.stringify(input) : null;

  const load = useCallback(
    async (after: string | null) => {
      if (!input) return;
      const mine = generation.current;
      setLoading(true);
      setError(null);
      try {
        const { data } = await client.query({
          query: InsightCasesDocument,
          variables: { input: { ...input, first: PAGE_SIZE, after } },
          fetchPolicy: 'network-only',
        });
        if (mine !== generation.current || !data) return;
        const page = data.insightCases;
        setRows((before) => [...(after ? (before ?? []) : []), ...page.nodes]);
        setTotalCount(page.totalCount);
        setHasNextPage(page.pageInfo.hasNextPage);
        setEndCursor(page.pageInfo.endCursor ?? null);
      } catch (caught) {
        if (mine === generation.current) setError(caught);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    // The input by value (`key`): a new object of the same input asks nothing again.
    [client, key],
  );

  useEffect(() => {
    generation.current += 1;
    setRows(null);
    setTotalCount(null);
    setHasNextPage(false);
    setEndCursor(null);
    void load(null);
  }, [load]);

  return {
    rows,
    totalCount,
    hasNextPage,
    loading,
    error,
    loadMore: () => (endCursor ? load(endCursor) : Promise.resolve()),
  };
}

/** Every case behind a figure, for an export (at most EXPORT_LIMIT). */
export async function allInsightCases(
  client: ApolloClient,
  input: Omit<InsightCasesInput, 'first' | 'after'>,
): Promise<InsightCase[]> {
  const rows: InsightCase[] = [];
  let after: string | null = null;
  do {
    const result: { data?: InsightCasesQuery } = await client.query({
      query: InsightCasesDocument,
      variables: { input: { ...input, first: 500, after } },
      fetchPolicy: 'network-only',
    });
    const page: InsightCasesQuery['insightCases'] = result.data!.insightCases;
    if (page.totalCount > EXPORT_LIMIT) throw new RangeError(String(page.totalCount));
    rows.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  } while (after);
  return rows;
}
