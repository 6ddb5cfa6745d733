import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import {
  CatalogueImportDocument,
  type CatalogueImportQuery,
  CatalogueItemsDocument,
  type CatalogueItemsQuery,
  CatalogueVersionsDocument,
  ImportCatalogueDocument,
  type ItemMappingInput,
  PublishCatalogueVersionDocument,
  SetCatalogueMappingsDocument,
} from '../../../shared/api/graphql.generated';
import { toBase64 } from '../../../shared/rules/spreadsheet-file';

export type CatalogueItem = CatalogueItemsQuery['catalogueItems']['nodes'][number];
export type CatalogueImportState = CatalogueImportQuery['catalogueImport'];

const PAGE = 50;

/** The versions the user may read, and the one shown (the newest published by default). */
export function useCatalogueVersions() {
  const result = useQuery(CatalogueVersionsDocument, { fetchPolicy: 'cache-and-network' });
  const versions = result.data?.catalogueVersions ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const shown =
    versions.find((version) => version.id === chosen) ??
    versions.find((version) => version.status === 'PUBLISHED') ??
    versions[0] ??
    null;
  return { ...result, versions, shown, choose: setChosen };
}

/** A version's items, a page at a time, filtered by a text and a department. */
export function useCatalogueItems(
  versionId: string | null,
  search: string,
  department: string | null,
) {
  const variables = {
    versionId: versionId ?? '',
    input: { versionId: versionId ?? '', first: PAGE, search: search || null, department },
  };
  const result = useQuery(CatalogueItemsDocument, { variables, skip: !versionId });
  const page = result.data?.catalogueItems;
  const more = () =>
    page?.endCursor
      ? result.fetchMore({
          variables: { ...variables, input: { ...variables.input, after: page.endCursor } },
          updateQuery: (previous, { fetchMoreResult }) => ({
            ...fetchMoreResult,
            catalogueItems: {
              ...fetchMoreResult.catalogueItems,
              nodes: [...previous.catalogueItems.nodes, ...fetchMoreResult.catalogueItems.nodes],
            },
          }),
        })
      : undefined;
  return {
    ...result,
    items: page?.nodes ?? [],
    hasMore: page?.hasNextPage ?? false,
    departments: result.data?.catalogueDepartments ?? [],
    more,
  };
}

/**
 * Importing a spreadsheet: starts the background import and follows it (rows read, then the
 * draft or every problem) until it ends.
 */
export function useCatalogueImport(onDone: (versionId: string) => void) {
  const client = useApolloClient();
  const [start, { loading: starting, error: startError }] = useMutation(ImportCatalogueDocument);
  const [state, setState] = useState<CatalogueImportState | null>(null);
  const running = state !== null && (state.status === 'QUEUED' || state.status === 'RUNNING');

  useEffect(() => {
    if (!running || !state) return;
    const timer = window.setTimeout(async () => {
      const { data } = await client.query({
        query: CatalogueImportDocument,
        variables: { id: state.id },
        fetchPolicy: 'no-cache',
      });
      const next = data?.catalogueImport;
      if (!next) return;
      setState(next);
      if (next.status === 'SUCCEEDED' && next.versionId) {
        await client.refetchQueries({ include: [CatalogueVersionsDocument] });
        onDone(next.versionId);
      }
    }, 800);
    return () => window.clearTimeout(timer);
  }, [client, running, state, onDone]);

  const upload = async (label: string, file: File) => {
    setState(null);
    const spreadsheet = toBase64(new Uint8Array(await file.arrayBuffer()));
    const { data } = await start({
      variables: { input: { label, fileName: file.name, spreadsheet } },
    });
    if (data) setState({ ...data.importCatalogue, rowsRead: 0, versionId: null, problems: [] });
  };
  return { upload, state, running: running || starting, startError };
}

export function usePublishVersion() {
  const [publish, { loading, error }] = useMutation(PublishCatalogueVersionDocument, {
    refetchQueries: [CatalogueVersionsDocument],
  });
  return {
    publish: (versionId: string) => publish({ variables: { input: { versionId } } }),
    publishing: loading,
    error,
  };
}

/** Saves a draft's mappings (splits, merges, suspensions) against the version before it. */
export function useSetMappings() {
  const [save, { loading, error, reset }] = useMutation(SetCatalogueMappingsDocument);
  return {
    save: (versionId: string, previousVersionId: string, mappings: ItemMappingInput[]) =>
      save({ variables: { input: { versionId, previousVersionId, mappings } } }),
    saving: loading,
    error,
    reset,
  };
}
