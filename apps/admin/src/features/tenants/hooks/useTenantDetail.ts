import { useQuery } from '@apollo/client/react';
import { TenantDetailDocument } from '../../../shared/api/graphql.generated';
import { can, type CurrentUser } from '../../../shared/viewer/viewer';

/**
 * One tenant with its checklist, windows and what the user may do there; its staff too when
 * the user may read staff at all (whether here, `viewerCan.readStaff` says).
 */
export function useTenantDetail(tenantId: string, user: Pick<CurrentUser, 'permissions'>) {
  return useQuery(TenantDetailDocument, {
    variables: { id: tenantId, withStaff: can(user, 'READ', 'STAFF') },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
}
