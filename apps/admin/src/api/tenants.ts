/** GraphQL documents and result types for tenants, windows, staff and onboarding. */
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '../i18n/labels';
import type { onboardingInput, ServiceWindowKind } from '../onboarding/onboarding-rules';
import type { TenantKind, TenantStatus } from './me';

export interface TenantSummary {
  id: string;
  parentId: string | null;
  name: string;
  kind: TenantKind;
  divisionCode: string;
  status: TenantStatus;
}

export interface ServiceWindow {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  kind: ServiceWindowKind;
  staffIds: string[];
}

export type StaffStatus = 'INVITED' | 'ACTIVE' | 'DISABLED';
export const STAFF_STATUSES: readonly StaffStatus[] = ['INVITED', 'ACTIVE', 'DISABLED'];

export interface StaffMember {
  userId: string;
  tenantId: string;
  username: string;
  displayName: string;
  status: StaffStatus | string;
  roles: Role[];
  windowIds: string[];
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

export interface SetupLink {
  token: string;
  path: string;
  expiresAt: string;
}

const TENANT_FIELDS = gql`
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

export type OnboardTenantInput = ReturnType<typeof onboardingInput>;

export interface OnboardingPreview {
  parent: TenantSummary;
  kind: TenantKind;
  divisionCode: string;
  name: string;
  windows: { code: string; name: string; kind: ServiceWindowKind }[];
  managerUsername: string;
  managerDisplayName: string;
  managerRole: Role;
  problems: string[];
}

export const ONBOARDING_PREVIEW_QUERY: TypedDocumentNode<
  { onboardingPreview: OnboardingPreview },
  { input: OnboardTenantInput }
> = gql`
  query OnboardingPreview($input: OnboardTenantInput!) {
    onboardingPreview(input: $input) {
      parent {
        ...TenantSummaryFields
      }
      kind
      divisionCode
      name
      windows {
        code
        name
        kind
      }
      managerUsername
      managerDisplayName
      managerRole
      problems
    }
  }
  ${TENANT_FIELDS}
`;

export const ONBOARD_TENANT_MUTATION: TypedDocumentNode<
  { onboardTenant: { tenant: TenantSummary; managerSetupLink: SetupLink } },
  { input: OnboardTenantInput }
> = gql`
  mutation OnboardTenant($input: OnboardTenantInput!) {
    onboardTenant(input: $input) {
      tenant {
        ...TenantSummaryFields
      }
      managerSetupLink {
        token
        path
        expiresAt
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

const WINDOW_FIELDS = `
  id
  tenantId
  code
  name
  kind
  staffIds
`;

const STAFF_FIELDS = `
  userId
  tenantId
  username
  displayName
  status
  roles
  windowIds
`;

export const CREATE_WINDOW_MUTATION: TypedDocumentNode<
  { createServiceWindow: ServiceWindow },
  { input: { tenantId: string; code: string; name: string; kind: ServiceWindowKind } }
> = gql`
  mutation CreateServiceWindow($input: CreateServiceWindowInput!) {
    createServiceWindow(input: $input) {
      ${WINDOW_FIELDS}
    }
  }
`;

export const ASSIGN_STAFF_MUTATION: TypedDocumentNode<
  { assignStaffToWindow: ServiceWindow },
  { input: { windowId: string; userId: string } }
> = gql`
  mutation AssignStaffToWindow($input: WindowAssignmentInput!) {
    assignStaffToWindow(input: $input) {
      ${WINDOW_FIELDS}
    }
  }
`;

export const UNASSIGN_STAFF_MUTATION: TypedDocumentNode<
  { unassignStaffFromWindow: ServiceWindow },
  { input: { windowId: string; userId: string } }
> = gql`
  mutation UnassignStaffFromWindow($input: WindowAssignmentInput!) {
    unassignStaffFromWindow(input: $input) {
      ${WINDOW_FIELDS}
    }
  }
`;

export const INVITE_STAFF_MUTATION: TypedDocumentNode<
  { inviteStaff: { staff: StaffMember; setupLink: SetupLink } },
  { input: { tenantId: string; username: string; displayName: string; roles: Role[] } }
> = gql`
  mutation InviteStaff($input: InviteStaffInput!) {
    inviteStaff(input: $input) {
      staff {
        ${STAFF_FIELDS}
      }
      setupLink {
        token
        path
        expiresAt
      }
    }
  }
`;

export const SET_STAFF_ROLES_MUTATION: TypedDocumentNode<
  { setStaffRoles: StaffMember },
  { input: { userId: string; roles: Role[] } }
> = gql`
  mutation SetStaffRoles($input: SetStaffRolesInput!) {
    setStaffRoles(input: $input) {
      ${STAFF_FIELDS}
    }
  }
`;

export const DISABLE_STAFF_MUTATION: TypedDocumentNode<
  { disableStaff: StaffMember },
  { input: { userId: string } }
> = gql`
  mutation DisableStaff($input: StaffAccountInput!) {
    disableStaff(input: $input) {
      ${STAFF_FIELDS}
    }
  }
`;

export const ENABLE_STAFF_MUTATION: TypedDocumentNode<
  { enableStaff: StaffMember },
  { input: { userId: string } }
> = gql`
  mutation EnableStaff($input: StaffAccountInput!) {
    enableStaff(input: $input) {
      ${STAFF_FIELDS}
    }
  }
`;
