import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { issuesOf } from '../../../shared/api/errors';
import {
  type IssuedSetupLinkFragment as SetupLink,
  OnboardingPreviewDocument,
  type OnboardingPreviewQuery,
  OnboardTenantDocument,
  type OnboardTenantInput,
  type TenantSummaryFragment as TenantSummary,
} from '../../../shared/api/graphql.generated';
import type { Issue } from '../rules/onboarding-rules';

export type OnboardingPreview = OnboardingPreviewQuery['onboardingPreview'];

/**
 * What the server says onboarding `input` would do and what stops it (asked again on
 * `load`), and committing it: a refusal that lists problems shows them as the preview's.
 */
export function useOnboardingPreview(
  input: OnboardTenantInput,
  onDone: (tenant: TenantSummary, link: SetupLink) => void,
) {
  const client = useApolloClient();
  const [loading, setLoading] = useState(true);
  const [preview, setPreview] = useState<OnboardingPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [refused, setRefused] = useState<Issue[] | null>(null);
  const [commitError, setCommitError] = useState<unknown>(null);
  const [onboard, { loading: committing }] = useMutation(OnboardTenantDocument);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    setRefused(null);
    setCommitError(null);
    try {
      const { data } = await client.query({
        query: OnboardingPreviewDocument,
        variables: { input },
        fetchPolicy: 'no-cache',
      });
      setPreview(data?.onboardingPreview ?? null);
    } catch (caught) {
      setPreview(null);
      setError(caught);
    } finally {
      setLoading(false);
    }
  }, [client, input]);

  useEffect(() => {
    void load();
  }, [load]);

  const issues = refused ?? preview?.issues ?? [];

  const commit = async () => {
    setCommitError(null);
    try {
      const { data } = await onboard({ variables: { input } });
      if (data) onDone(data.onboardTenant.tenant, data.onboardTenant.managerSetupLink);
    } catch (caught) {
      const listed = issuesOf(caught);
      if (listed.length > 0) setRefused(listed);
      else setCommitError(caught);
    }
  };

  return {
    loading,
    preview,
    error,
    issues,
    canCommit: !loading && preview !== null && issues.length === 0,
    load,
    commit,
    committing,
    commitError,
  };
}
