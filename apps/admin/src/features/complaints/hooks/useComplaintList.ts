import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type ComplaintRowFragment as Row,
  ComplaintsDocument,
  type ComplaintsQuery,
  type ComplaintStatus,
} from '../../../shared/api/graphql.generated';

const PAGE_SIZE = 50;

export interface ComplaintList {
  /** Null until the first page is in. */
  rows: Row[] | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/** Complaints (of one status, overdue or not, or all), newest first, a page at a time. */
export function useComplaintList(filter: {
  status: ComplaintStatus | null;
  overdue: boolean | null;
}): ComplaintList {
  const client = useApolloClient();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [endCursor, setEndCursor] = useState<string | null>(null);
  const [hasNextPage, setHasNextPage] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** Bumped by every reload: pages of an older list are dropped when they arrive. */
  const generation = useRef(0);

  const loadPage = useCallback(
    async (
      mine: number,
      after: string | null,
      setBusy: (busy: boolean) => void,
      apply: (nodes: Row[]) => void,
    ) => {
      setBusy(true);
      setError(null);
      try {
        const result: { data?: ComplaintsQuery } = await client.query({
          query: ComplaintsDocument,
          variables: {
            filter: {
              ...(filter.status ? { status: filter.status } : {}),
              ...(filter.overdue !== null ? { overdue: filter.overdue } : {}),
            },
            page: after ? { first: PAGE_SIZE, after } : { first: PAGE_SIZE },
          },
          fetchPolicy: 'network-only',
        });
        if (mine !== generation.current) return;
        const connection = result.data?.complaints;
        apply(connection?.nodes ?? []);
        setEndCursor(connection?.pageInfo.endCursor ?? null);
        setHasNextPage(Boolean(connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor));
      } catch (caught) {
        if (mine === generation.current) setError(caught);
      } finally {
        if (mine === generation.current) setBusy(false);
      }
    },
    [client, filter.status, filter.overdue],
  );

  const reload = useCallback(async () => {
    setLoadingMore(false);
    await loadPage(++generation.current, null, setLoading, setRows);
  }, [loadPage]);

  const loadMore = useCallback(async () => {
    if (!hasNextPage || !endCursor) return;
    await loadPage(generation.current, endCursor, setLoadingMore, (nodes) =>
      setRows((current) => {
        const seen = new Set((current ?? []).map((row) => row.id));
        return [...(current ?? []), ...nodes.filter((row) => !seen.has(row.id))];
      }),
    );
  }, [loadPage, hasNextPage, endCursor]);

  useEffect(() => {
    setRows(null);
    void reload();
    return () => {
      generation.current += 1;
    };
  }, [reload]);

  return { rows, hasNextPage, loading, loadingMore, error, reload, loadMore };
}
