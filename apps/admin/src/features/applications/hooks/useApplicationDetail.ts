import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import {
  AcceptApplicationDocument,
  type ApplicationAction,
  ApplicationDetailDocument,
  type ApplicationDetailQuery,
  ApproveApplicationDocument,
  CompleteApplicationDocument,
  CompleteOnTheSpotDocument,
  DecideExtensionDocument,
  DenyApplicationDocument,
  ForwardApplicationDocument,
  HandBackResultDocument,
  type PauseKind,
  ReceiveSupplementDocument,
  RejectApplicationDocument,
  RequestExtensionDocument,
  RequestSupplementDocument,
  ResumeApplicationDocument,
  StartReviewDocument,
  SuspendApplicationDocument,
  WithdrawApplicationDocument,
} from '../../../shared/api/graphql.generated';

export type ApplicationDetail = ApplicationDetailQuery['application'];

/** The mutation of each act (DESIGN.md §4.3): one per act, as the API has them. */
const ACT_DOCUMENTS = {
  ACCEPT: AcceptApplicationDocument,
  REJECT: RejectApplicationDocument,
  REQUEST_SUPPLEMENT: RequestSupplementDocument,
  RECEIVE_SUPPLEMENT: ReceiveSupplementDocument,
  START_REVIEW: StartReviewDocument,
  SUSPEND: SuspendApplicationDocument,
  RESUME: ResumeApplicationDocument,
  APPROVE: ApproveApplicationDocument,
  DENY: DenyApplicationDocument,
  COMPLETE: CompleteApplicationDocument,
  COMPLETE_ON_THE_SPOT: CompleteOnTheSpotDocument,
  WITHDRAW: WithdrawApplicationDocument,
  FORWARD: ForwardApplicationDocument,
  HAND_BACK: HandBackResultDocument,
} as const satisfies Record<ApplicationAction, unknown>;

export interface ActInput {
  reason?: string;
  missingMaterials?: string[];
  procedure?: PauseKind | null;
  /** FORWARD: the center above; none, the nearest that handles the item. */
  toTenantId?: string | null;
}

/**
 * One application with its timeline, and the acts on it: each sends the version the person
 * saw (someone acting first makes it a CONFLICT, shown, and the view is read again).
 */
export function useApplicationDetail(id: string) {
  const client = useApolloClient();
  const query = useQuery(ApplicationDetailDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (send: () => Promise<unknown>): Promise<boolean> => {
    setRunning(true);
    setError(null);
    try {
      await send();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setRunning(false);
      await query.refetch();
    }
  };

  const act = (application: ApplicationDetail, action: ApplicationAction, input: ActInput) =>
    run(() =>
      client.mutate({
        // The documents differ only in their input type; each gets the fields it knows.
        mutation: ACT_DOCUMENTS[action] as typeof AcceptApplicationDocument,
        variables: {
          input: {
            id: application.id,
            version: application.version,
            reason: input.reason?.trim() || null,
            ...(action === 'REQUEST_SUPPLEMENT'
              ? { missingMaterials: input.missingMaterials }
              : {}),
            ...(action === 'SUSPEND' ? { procedure: input.procedure } : {}),
            ...(action === 'FORWARD' ? { toTenantId: input.toTenantId ?? null } : {}),
          },
        },
      }),
    );

  const requestExtension = (
    application: ApplicationDetail,
    input: { workingDays: number; reason: string },
  ) =>
    run(() =>
      client.mutate({
        mutation: RequestExtensionDocument,
        variables: {
          input: { id: application.id, version: application.version, ...input },
        },
      }),
    );

  const decideExtension = (extensionId: string, approve: boolean, note: string) =>
    run(() =>
      client.mutate({
        mutation: DecideExtensionDocument,
        variables: { input: { extensionId, approve, note: note.trim() || null } },
      }),
    );

  return {
    application: query.data?.application ?? null,
    loading: query.loading,
    loadError: query.error ?? null,
    reload: () => query.refetch(),
    running,
    error,
    clearError: () => setError(null),
    act,
    requestExtension,
    decideExtension,
  };
}
