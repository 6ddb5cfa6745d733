/**
 * The public service guide's data. No Apollo Client and no session: the guide is read
 * without signing in (the API's guide operations are public), with the plain transport.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  OneTimeNotificationDocument,
  type OneTimeNotificationQuery,
  ServiceGuideCenterDocument,
  type ServiceGuideCenterQuery,
  ServiceGuideItemDocument,
  type ServiceGuideItemQuery,
  ServiceGuideItemsDocument,
  type ServiceGuideItemsQuery,
} from '../../../shared/api/graphql.generated';
import { createGraphQLRequest } from '../../../shared/api/transport';

const request = createGraphQLRequest((url, init) => fetch(url, init));

const PAGE_SIZE = 60;

export type GuideEntry = ServiceGuideItemsQuery['serviceGuideItems']['nodes'][number];
export type GuideItem = ServiceGuideItemQuery['serviceGuideItem'];
export type Notification = OneTimeNotificationQuery['oneTimeNotification'];
export type GuideCenter = ServiceGuideCenterQuery['serviceGuideCenter'];

interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  retry: () => void;
}

/** Runs `load` whenever `key` changes; a later answer replaces an earlier one, never the reverse. */
function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ key: string; data: T | null; error: unknown }>({
    key: '',
    data: null,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let current = true;
    loadRef.current().then(
      (data) => current && setState({ key, data, error: null }),
      (error: unknown) => current && setState({ key, data: null, error }),
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);
  const fresh = state.key === key;
  return {
    data: fresh ? state.data : null,
    error: fresh ? state.error : null,
    loading: !fresh,
    retry: useCallback(() => {
      setState((previous) => ({ ...previous, key: '' }));
      setAttempt((n) => n + 1);
    }, []),
  };
}

/** The center's public name and its departments. */
export function useGuideCenter(divisionCode: string) {
  return useLoad(divisionCode, () => request(ServiceGuideCenterDocument, { divisionCode }));
}

/** The center's items matching `search` and `department`, a page at a time. */
export function useGuideItems(divisionCode: string, search: string, department: string | null) {
  const first = useLoad(JSON.stringify([divisionCode, search, department]), () =>
    request(ServiceGuideItemsDocument, {
      divisionCode,
      search: search || null,
      department,
      first: PAGE_SIZE,
    }),
  );
  const [more, setMore] = useState<{ of: unknown; nodes: GuideEntry[]; cursor: string | null }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const page = first.data?.serviceGuideItems;
  const extra = more?.of === page ? more : undefined;
  const cursor = extra ? extra.cursor : (page?.endCursor ?? null);
  const hasNextPage = extra ? extra.cursor !== null : (page?.hasNextPage ?? false);

  const loadMore = useCallback(async () => {
    if (!page || !cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await request(ServiceGuideItemsDocument, {
        divisionCode,
        search: search || null,
        department,
        first: PAGE_SIZE,
        after: cursor,
      });
      const { nodes, hasNextPage: again, endCursor } = next.serviceGuideItems;
      setMore({
        of: page,
        nodes: [...(extra?.nodes ?? []), ...nodes],
        cursor: again ? endCursor : null,
      });
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  }, [page, cursor, extra, divisionCode, search, department]);

  return {
    nodes: page ? [...page.nodes, ...(extra?.nodes ?? [])] : [],
    loading: first.loading,
    error: first.error ?? moreError,
    retry: first.retry,
    hasNextPage,
    loadingMore,
    loadMore,
  };
}

/** One item's full guide. */
export function useGuideItem(divisionCode: string, code: string) {
  return useLoad(JSON.stringify([divisionCode, code]), () =>
    request(ServiceGuideItemDocument, { divisionCode, code }),
  );
}

/** The one-time notification for the materials the applicant has. */
export async function checkMaterials(
  divisionCode: string,
  code: string,
  presentMaterials: string[],
): Promise<Notification> {
  const data = await request(OneTimeNotificationDocument, { divisionCode, code, presentMaterials });
  return data.oneTimeNotification;
}
