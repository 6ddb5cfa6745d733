import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type ConsultationRowFragment as Consultation,
  ConsultationsDocument,
  type ConsultationsQuery,
} from '../../../shared/api/graphql.generated';

const PAGE_SIZE = 50;

export interface ConsultationsFilter {
  /** null: everything the person may see. */
  tenantId: string | null;
  from: string;
  to: string;
}

export interface ConsultationList {
  /** Null until the first page is in. */
  rows: Consultation[] | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** Puts a consultation (just logged) on top. */
  prepend: (consultation: Consultation) => void;
}

/** Consultations under `filter`, newest first, one page at a time ("load more"). */
export function useConsultationList({ tenantId, from, to }: ConsultationsFilter): ConsultationList {
  const client = useApolloClient();
  const [rows, setRows] = useState<Consultation[] | null>(null);
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
      apply: (nodes: Consultation[]) => void,
    ) => {
      setBusy(true);
      setError(null);
      try {
        const result: { data?: ConsultationsQuery } = await client.query({
          query: ConsultationsDocument,
          variables: {
            filter: { ...(tenantId ? { tenantId } : {}), from, to },
            page: after ? { first: PAGE_SIZE, after } : { first: PAGE_SIZE },
          },
          fetchPolicy: 'network-only',
        });
        if (mine !== generation.current) return;
        const connection = result.data?.consultations;
        apply(connection?.nodes ?? []);
        setEndCursor(connection?.pageInfo.endCursor ?? null);
        setHasNextPage(Boolean(connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor));
      } catch (caught) {
        if (mine === generation.current) setError(caught);
      } finally {
        if (mine === generation.current) setBusy(false);
      }
    },
    [client, tenantId, from, to],
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

  const prepend = useCallback((consultation: Consultation) => {
    setRows((current) => [
      consultation,
      ...(current ?? []).filter((row) => row.id !== consultation.id),
    ]);
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
