/** GraphQL documents and result types for a tenant's staff: invitations, roles, accounts. */
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '../../../shared/i18n/labels';

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

export interface SetupLink {
  token: string;
  path: string;
  expiresAt: string;
}

const STAFF_FIELDS = `
  userId
  tenantId
  username
  displayName
  status
  roles
  windowIds
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
