/** GraphQL documents and result types for the tenant tree, one tenant, and its status. */
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { TenantKind, TenantStatus } from '../../../shared/viewer/me';
import type { StaffMember } from '../../staff/graphql/staff';
import type { ServiceWindow } from '../../windows/graphql/windows';

export interface TenantSummary {
  id: string;
  parentId: string | null;
  name: string;
  kind: TenantKind;
  divisionCode: string;
  status: TenantStatus;
}

export interface OnboardingChecklist {
  managerReady: boolean;
  hasWindow: boolean;
  complete: boolean;
}

export interface TenantDetail extends TenantSummary {
  onboardingChecklist: OnboardingChecklist;
  serviceWindows: ServiceWindow[];
  staffMembers?: StaffMember[];
}

export const TENANT_FIELDS = gql`
  fragment TenantSummaryFields on Tenant {
    id
    parentId
    name
    kind
    divisionCode
    status
  }
`;

export interface TenantsResult {
  tenants: {
    nodes: TenantSummary[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export const TENANTS_QUERY: TypedDocumentNode<
  TenantsResult,
  { page: { first: number; after?: string | null } }
> = gql`
  query Tenants($page: TenantsPageInput) {
    tenants(page: $page) {
      nodes {
        ...TenantSummaryFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${TENANT_FIELDS}
`;

export const TENANT_DETAIL_QUERY: TypedDocumentNode<
  { tenant: TenantDetail },
  { id: string; withStaff: boolean }
> = gql`
  query TenantDetail($id: ID!, $withStaff: Boolean!) {
    tenant(id: $id) {
      ...TenantSummaryFields
      onboardingChecklist {
        managerReady
        hasWindow
        complete
      }
      serviceWindows {
        id
        tenantId
        code
        name
        kind
        staffIds
      }
      staffMembers @include(if: $withStaff) {
        userId
        tenantId
        username
        displayName
        status
        roles
        windowIds
      }
    }
  }
  ${TENANT_FIELDS}
`;

export const SUSPEND_TENANT_MUTATION: TypedDocumentNode<
  { suspendTenant: TenantSummary },
  { input: { tenantId: string; reason: string } }
> = gql`
  mutation SuspendTenant($input: SuspendTenantInput!) {
    suspendTenant(input: $input) {
      ...TenantSummaryFields
    }
  }
  ${TENANT_FIELDS}
`;

export const REACTIVATE_TENANT_MUTATION: TypedDocumentNode<
  { reactivateTenant: TenantSummary },
  { input: { tenantId: string } }
> = gql`
  mutation ReactivateTenant($input: ReactivateTenantInput!) {
    reactivateTenant(input: $input) {
      ...TenantSummaryFields
    }
  }
  ${TENANT_FIELDS}
`;
