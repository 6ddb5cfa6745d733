import { useMutation, useQuery } from '@apollo/client/react';
import {
  AdoptCatalogueDocument,
  ApplyMenuTemplateDocument,
  DeleteMenuTemplateDocument,
  ImplementationDepartmentsDocument,
  type ImplementationEntryFragment,
  ImplementationItemsDocument,
  ImplementationTenantDocument,
  type MenuTemplateInput,
  MenuTemplatesDocument,
  type MenuTemplatesQuery,
  SaveMenuTemplateDocument,
} from '../../../shared/api/graphql.generated';

export type ImplementationEntry = ImplementationEntryFragment;
export type MenuTemplate = MenuTemplatesQuery['menuTemplates'][number];

const PAGE = 50;

/** The tenant whose list is shown, and the newest published catalogue version (to adopt). */
export function useImplementationTenant(tenantId: string) {
  const result = useQuery(ImplementationTenantDocument, {
    variables: { id: tenantId },
    fetchPolicy: 'cache-and-network',
  });
  const tenant = result.data?.tenant.id === tenantId ? result.data.tenant : null;
  // Versions come in the order the API gives (newest first); the first published is adopted.
  const published =
    result.data?.catalogueVersions.find((version) => version.status === 'PUBLISHED') ?? null;
  const departments = useQuery(ImplementationDepartmentsDocument, {
    variables: { versionId: published?.id ?? '' },
    skip: !published,
  });
  return {
    ...result,
    tenant,
    published,
    departments: departments.data?.catalogueDepartments ?? [],
  };
}

/** A tenant's list, a page at a time, found on the server by text and department. */
export function useImplementationItems(
  tenantId: string,
  search: string,
  department: string | null,
  first = PAGE,
) {
  const input = { tenantId, first, search: search || null, department };
  const result = useQuery(ImplementationItemsDocument, {
    variables: { input },
    fetchPolicy: 'cache-and-network',
  });
  const page = result.data?.implementationItems;
  const more = () =>
    page?.endCursor
      ? result.fetchMore({
          variables: { input: { ...input, after: page.endCursor } },
          updateQuery: (previous, { fetchMoreResult }) => ({
            ...fetchMoreResult,
            implementationItems: {
              ...fetchMoreResult.implementationItems,
              nodes: [
                ...previous.implementationItems.nodes,
                ...fetchMoreResult.implementationItems.nodes,
              ],
            },
          }),
        })
      : undefined;
  return { ...result, items: page?.nodes ?? [], hasMore: page?.hasNextPage ?? false, more };
}

export function useAdoptCatalogue() {
  const [adopt, { loading, error }] = useMutation(AdoptCatalogueDocument, {
    refetchQueries: [ImplementationItemsDocument],
  });
  return {
    adopt: async (tenantId: string, versionId: string) =>
      (await adopt({ variables: { input: { tenantId, versionId } } })).data?.adoptCatalogue ?? 0,
    adopting: loading,
    error,
  };
}

export function useMenuTemplates(countyId: string) {
  const result = useQuery(MenuTemplatesDocument, {
    variables: { countyId },
    fetchPolicy: 'cache-and-network',
  });
  return { ...result, templates: result.data?.menuTemplates ?? [] };
}

export function useSaveMenuTemplate() {
  const [save, { loading, error, reset }] = useMutation(SaveMenuTemplateDocument, {
    refetchQueries: [MenuTemplatesDocument],
  });
  return {
    save: (input: MenuTemplateInput) => save({ variables: { input } }),
    saving: loading,
    error,
    reset,
  };
}

export function useDeleteMenuTemplate() {
  const [remove, { loading }] = useMutation(DeleteMenuTemplateDocument, {
    refetchQueries: [MenuTemplatesDocument],
  });
  return { remove: (id: string) => remove({ variables: { id } }), deleting: loading };
}

export function useApplyMenuTemplate() {
  const [apply, { loading, error, data, reset }] = useMutation(ApplyMenuTemplateDocument);
  return {
    apply: (tenantId: string, templateId: string) =>
      apply({ variables: { input: { tenantId, templateId } } }),
    applying: loading,
    error,
    change: data?.applyMenuTemplate ?? null,
    reset,
  };
}
