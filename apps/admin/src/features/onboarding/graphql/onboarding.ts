/** GraphQL documents and result types for onboarding a township center or village station. */
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '../../../shared/i18n/labels';
import type { TenantKind } from '../../../shared/viewer/me';
import type { SetupLink } from '../../staff/graphql/staff';
import { TENANT_FIELDS, type TenantSummary } from '../../tenants/graphql/tenants';
import type { ServiceWindowKind } from '../../windows/rules/window-rules';
import type { onboardingInput } from '../rules/onboarding-rules';

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
