import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '../i18n/labels';

export type TenantKind = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';
export type TenantStatus = 'ONBOARDING' | 'ACTIVE' | 'SUSPENDED';

export interface Tenant {
  id: string;
  name: string;
  kind: TenantKind;
  divisionCode: string;
  status: TenantStatus;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  tenant: Tenant;
}

export const ME_QUERY: TypedDocumentNode<{ me: CurrentUser }, Record<string, never>> = gql`
  query Me {
    me {
      id
      username
      displayName
      roles
      tenant {
        id
        name
        kind
        divisionCode
        status
      }
    }
  }
`;
