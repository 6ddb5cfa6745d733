/** GraphQL documents and result types for a hall's windows and who works at them. */
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ServiceWindowKind } from '../rules/window-rules';

export interface ServiceWindow {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  kind: ServiceWindowKind;
  staffIds: string[];
}

const WINDOW_FIELDS = `
  id
  tenantId
  code
  name
  kind
  staffIds
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
