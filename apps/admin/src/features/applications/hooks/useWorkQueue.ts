import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type ApplicationDetailFieldsFragment as QueueEntry,
  type ApplicationStatus,
  WorkQueueDocument,
} from '../../../shared/api/graphql.generated';

export type { QueueEntry };

export interface WorkQueueFilter {
  status: ApplicationStatus | null;
  overdueOnly: boolean;
  search: string;
}

const PAGE_SIZE = 30;

/** The reader's work queue under `filter`, most urgent first, a page at a time. */
export function useWorkQueue(filter: WorkQueueFilter) {
  const client = useApolloClient();
  const [rows, setRows] = useState<QueueEntry[] | null>(null);
  const [endCursor, setEndCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  /** Bumped by every reload: pages of an older list are dropped when they arrive. */
  const generation = useRef(0);
  const { status, overdueOnly, search } = filter;

  const load = useCallback(
    async (after: string | null) => {
      const mine = after ? generation.current : ++generation.current;
      setLoading(true);
      setError(null);
      try {
        const result = await client.query({
          query: WorkQueueDocument,
          variables: {
            filter: {
              status,
              overdueOnly: overdueOnly || null,
              search: search.trim() || null,
            },
            page: after ? { first: PAGE_SIZE, after } : { first: PAGE_SIZE },
          },
          fetchPolicy: 'network-only',
        });
        if (mine !== generation.current) return;
        const connection = result.data?.workQueue;
        const nodes = connection?.nodes ?? [];
        setRows((current) => (after ? [...(current ?? []), ...nodes] : nodes));
        setEndCursor(
          connection?.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null,
        );
      } catch (caught) {
        if (mine === generation.current) setError(caught);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [client, status, overdueOnly, search],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return {
    rows,
    loading,
    error,
    hasNextPage: endCursor !== null,
    reload: () => load(null),
    loadMore: () => (endCursor ? load(endCursor) : Promise.resolve()),
  };
}
