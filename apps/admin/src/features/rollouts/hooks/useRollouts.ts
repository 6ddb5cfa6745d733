import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import {
  CatalogueRolloutDocument,
  type CatalogueRolloutPreviewQuery,
  CatalogueRolloutPreviewDocument,
  type CatalogueRolloutQuery,
  CatalogueRolloutsDocument,
  type CatalogueRolloutStepStatus,
  CatalogueVersionsHeldDocument,
  CommandCatalogueRolloutDocument,
  ExportCatalogueRolloutDocument,
  ExportCatalogueRolloutPreviewDocument,
  type RolloutConflictFieldsFragment,
  type RolloutOutcomeFieldsFragment,
  RolloutVersionsDocument,
  StartCatalogueRolloutDocument,
} from '../../../shared/api/graphql.generated';
import { downloadSheet } from '../../../shared/rules/spreadsheet-file';
import { isLive } from '../rules/rollout-rules';

export type RolloutPreview = CatalogueRolloutPreviewQuery['catalogueRolloutPreview'];
export type TenantPreview = RolloutPreview['tenants'][number];
export type CatalogueDiff = RolloutPreview['diffs'][number];
export type RolloutView = CatalogueRolloutQuery['catalogueRollout'];
export type RolloutStep = RolloutView['steps'][number];
export type RolloutConflict = RolloutConflictFieldsFragment;
export type RolloutOutcome = RolloutOutcomeFieldsFragment;

/** Steps asked a page at a time: their outcomes and conflicts weigh on the query cost. */
export const STEP_PAGE = 20;
const POLL_MS = 2_000;

/** The published versions a rollout can carry (the newest first, as the API gives them). */
export function useRolloutVersions() {
  const result = useQuery(RolloutVersionsDocument, { fetchPolicy: 'cache-and-network' });
  const published = (result.data?.catalogueVersions ?? []).filter(
    (version) => version.status === 'PUBLISHED',
  );
  return { ...result, published };
}

export interface RolloutTarget {
  versionId: string;
  tenantId: string;
}

/**
 * The preview of one target (the server computes it, writes nothing), asked when the person
 * presses 预览; its export; and starting the rollout it describes.
 */
export function useRolloutPreview() {
  const client = useApolloClient();
  const [target, setTarget] = useState<RolloutTarget | null>(null);
  const [preview, setPreview] = useState<RolloutPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [start, started] = useMutation(StartCatalogueRolloutDocument, {
    refetchQueries: [CatalogueRolloutsDocument],
  });

  const load = async (next: RolloutTarget) => {
    setTarget(next);
    setPreview(null);
    setError(null);
    setLoading(true);
    try {
      const { data } = await client.query({
        query: CatalogueRolloutPreviewDocument,
        variables: { input: next },
        fetchPolicy: 'no-cache',
      });
      setPreview(data?.catalogueRolloutPreview ?? null);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  };

  const exportSheet = async (fileName: string) => {
    if (!target) return;
    const { data } = await client.query({
      query: ExportCatalogueRolloutPreviewDocument,
      variables: { input: target },
      fetchPolicy: 'no-cache',
    });
    if (data) downloadSheet(data.exportCatalogueRolloutPreview, fileName);
  };

  /** Starts the previewed rollout; resolves to its id. */
  const run = async (): Promise<string | null> => {
    if (!target) return null;
    const { data } = await start({ variables: { input: target } });
    return data?.startCatalogueRollout.id ?? null;
  };

  return {
    load,
    preview,
    loading,
    error,
    exportSheet,
    start: run,
    starting: started.loading,
    startError: started.error,
  };
}

/** The rollouts in sight, newest first. */
export function useRolloutList() {
  const result = useQuery(CatalogueRolloutsDocument, {
    variables: { first: 20 },
    fetchPolicy: 'cache-and-network',
  });
  return { ...result, rollouts: result.data?.catalogueRollouts ?? [] };
}

/**
 * One rollout and a page of its steps, asked again every 2 s while it runs or is paused (a
 * step under way still finishes), no more once it is finished or cancelled.
 */
export function useRollout(id: string, page: number, status: CatalogueRolloutStepStatus | null) {
  const [live, setLive] = useState(true);
  const result = useQuery(CatalogueRolloutDocument, {
    variables: { id, first: STEP_PAGE, offset: (page - 1) * STEP_PAGE, status },
    fetchPolicy: 'cache-and-network',
    pollInterval: live ? POLL_MS : 0,
  });
  // While another page or filter loads, the one shown stays (no blank screen in between).
  const data = result.data ?? result.previousData;
  const rollout = data?.catalogueRollout.id === id ? data.catalogueRollout : null;
  const current = rollout?.status;
  useEffect(() => {
    if (current) setLive(isLive(current));
  }, [current]);
  return { ...result, rollout, live };
}

/** Pause, resume, cancel or retry; the progress is read again either way. */
export function useRolloutCommand(id: string) {
  const [command] = useMutation(CommandCatalogueRolloutDocument, {
    refetchQueries: [CatalogueRolloutDocument, CatalogueRolloutsDocument],
  });
  return (name: 'PAUSE' | 'RESUME' | 'CANCEL' | 'RETRY') =>
    command({ variables: { id, command: name } });
}

/** A rollout's audit as a spreadsheet download. */
export function useRolloutExport(id: string) {
  const client = useApolloClient();
  return async (fileName: string) => {
    const { data } = await client.query({
      query: ExportCatalogueRolloutDocument,
      variables: { id },
      fetchPolicy: 'no-cache',
    });
    if (data) downloadSheet(data.exportCatalogueRollout, fileName);
  };
}

/** Per county below `tenantId`, the standard versions its list stands on. */
export function useVersionsHeld(tenantId: string, skip: boolean) {
  const result = useQuery(CatalogueVersionsHeldDocument, {
    variables: { tenantId },
    skip,
    fetchPolicy: 'cache-and-network',
  });
  return { ...result, counties: result.data?.catalogueVersionsHeld ?? [] };
}
