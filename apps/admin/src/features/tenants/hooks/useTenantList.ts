import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { TenantsDocument, type TenantsQuery } from '../../../shared/api/graphql.generated';

/** A tenant of the list: its summary, and whether a tenant may be opened below it. */
export type TenantListItem = TenantsQuery['tenants']['nodes'][number];

const PAGE_SIZE = 500;
const MAX_PAGES = 100;

export interface TenantList {
  tenants: TenantListItem[] | null;
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
}

/** Every tenant the user can see, all pages of `tenants` fetched one after the other. */
export function useTenantList(): TenantList {
  const client = useApolloClient();
  const [tenants, setTenants] = useState<TenantListItem[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const all: TenantListItem[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const result: { data?: TenantsQuery } = await client.query({
          query: TenantsDocument,
          variables: { page: after ? { first: PAGE_SIZE, after } : { first: PAGE_SIZE } },
          fetchPolicy: 'network-only',
        });
        const connection: TenantsQuery['tenants'] | undefined = result.data?.tenants;
        if (!connection) break;
        all.push(...connection.nodes);
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
      if (mine === generation.current) setTenants(all);
    } catch (caught) {
      if (mine === generation.current) setError(caught);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [client]);

  useEffect(() => {
    void reload();
    return () => {
      generation.current += 1; // results of a load still running are dropped
    };
  }, [reload]);

  return { tenants, loading, error, reload };
}
