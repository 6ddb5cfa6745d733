/** GraphQL documents and result types for applications (办件) and intake (收件). */
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { SubmitApplicationInput } from '../rules/applicant-rules';
import type { ApplicationStatus } from '../../../shared/i18n/labels';
import type { ServiceWindowKind } from '../../windows/rules/window-rules';

/** Personal data; `masked` when the reader may not see it plainly (张*, 4502**********1234). */
export interface Applicant {
  name: string;
  idNumber: string | null;
  phone: string | null;
  masked: boolean;
}

export interface Application {
  id: string;
  tenantId: string;
  tenantName: string;
  receiptNumber: string;
  itemCode: string;
  itemName: string;
  windowId: string;
  windowName: string;
  /** A status the app does not know yet is shown as its code. */
  status: ApplicationStatus | string;
  applicant: Applicant;
  submittedAt: string;
  submittedByName: string;
  version: number;
}

export interface ApplicationsResult {
  applications: {
    nodes: Application[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface ApplicationsVariables {
  filter: { tenantId?: string; status?: string };
  page: { first: number; after?: string | null };
}

const APPLICATION_FIELDS = gql`
  fragment ApplicationFields on Application {
    id
    tenantId
    tenantName
    receiptNumber
    itemCode
    itemName
    windowId
    windowName
    status
    applicant {
      name
      idNumber
      phone
      masked
    }
    submittedAt
    submittedByName
    version
  }
`;

/** Newest first, one page at a time. */
export const APPLICATIONS_QUERY: TypedDocumentNode<ApplicationsResult, ApplicationsVariables> = gql`
  query Applications($filter: ApplicationsFilterInput, $page: ApplicationsPageInput) {
    applications(filter: $filter, page: $page) {
      nodes {
        ...ApplicationFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${APPLICATION_FIELDS}
`;

/** 收件: returns the application with its receipt number. */
export const SUBMIT_APPLICATION_MUTATION: TypedDocumentNode<
  { submitApplication: Application },
  { input: SubmitApplicationInput }
> = gql`
  mutation SubmitApplication($input: SubmitApplicationInput!) {
    submitApplication(input: $input) {
      ...ApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export interface IntakeWindow {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  kind: ServiceWindowKind;
  staffIds: string[];
}

/** The windows of one tenant, to choose where an application is taken in. */
export const INTAKE_WINDOWS_QUERY: TypedDocumentNode<
  { tenant: { id: string; name: string; serviceWindows: IntakeWindow[] } },
  { tenantId: string }
> = gql`
  query IntakeWindows($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      name
      serviceWindows {
        id
        tenantId
        code
        name
        kind
        staffIds
      }
    }
  }
`;
