import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type ApplicationRowFragment as Application,
  ApplicationsDocument,
  type ApplicationsQuery,
} from '../../../shared/api/graphql.generated';
import {
  appendPage,
  type ApplicationsFilter,
  filterInput,
  prependApplication,
} from '../rules/application-list';

const PAGE_SIZE = 50;

export interface ApplicationList {
  /** Null until the first page is in. */
  rows: Application[] | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** Puts an application (just taken in) on top. */
  prepend: (application: Application) => void;
}

/** Applications under `filter`, newest first, one page at a time ("load more"). */
export function useApplicationList(filter: ApplicationsFilter): ApplicationList {
  const client = useApolloClient();
  const [rows, setRows] = useState<Application[] | null>(null);
  const [endCursor, setEndCursor] = useState<string | null>(null);
  const [hasNextPage, setHasNextPage] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** Bumped by every reload: pages of an older list are dropped when they arrive. */
  const generation = useRef(0);
  const { tenantId, status } = filter;

  const fetchPage = useCallback(
    async (after: string | null) => {
      const result: { data?: ApplicationsQuery } = await client.query({
        query: ApplicationsDocument,
        variables: {
          filter: filterInput({ tenantId, status }),
          page: after ? { first: PAGE_SIZE, after } : { first: PAGE_SIZE },
        },
        fetchPolicy: 'network-only',
      });
      const connection = result.data?.applications;
      return {
        nodes: connection?.nodes ?? [],
        endCursor: connection?.pageInfo.endCursor ?? null,
        hasNextPage: Boolean(connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor),
      };
    },
    [client, tenantId, status],
  );

  /** One page into the list of generation `mine`, dropped if the list was reloaded since. */
  const loadPage = useCallback(
    async (
      mine: number,
      after: string | null,
      setBusy: (busy: boolean) => void,
      apply: (nodes: Application[]) => void,
    ) => {
      setBusy(true);
      setError(null);
      try {
        const page = await fetchPage(after);
        if (mine !== generation.current) return;
        apply(page.nodes);
        setEndCursor(page.endCursor);
        setHasNextPage(page.hasNextPage);
      } catch (caught) {
        if (mine === generation.current) setError(caught);
      } finally {
        if (mine === generation.current) setBusy(false);
      }
    },
    [fetchPage],
  );

  const reload = useCallback(async () => {
    setLoadingMore(false);
    await loadPage(++generation.current, null, setLoading, setRows);
  }, [loadPage]);

  const loadMore = useCallback(async () => {
    if (!hasNextPage || !endCursor) return;
    await loadPage(generation.current, endCursor, setLoadingMore, (nodes) =>
      setRows((current) => appendPage(current ?? [], nodes)),
    );
  }, [loadPage, hasNextPage, endCursor]);

  const prepend = useCallback((application: Application) => {
    setRows((current) => prependApplication(current ?? [], application));
  }, []);

  useEffect(() => {
    setRows(null);
    void reload();
    return () => {
      generation.current += 1;
    };
  }, [reload]);

  return { rows, hasNextPage, loading, loadingMore, error, reload, loadMore, prepend };
}
