import { TreeSelect } from 'antd';
import { type CSSProperties, useMemo } from 'react';
import { useTenantList } from '../hooks/useTenantList';
import { buildTenantTree, mapTenantTree } from '../rules/tenant-tree';

/**
 * Choosing one of the tenants the user can see, in their tree (searchable by name): the
 * tenant of a screen, of a filter, of an intake.
 */
export function TenantTreeSelect({
  value,
  onChange,
  withCode,
  allowClear,
  placeholder,
  style,
  testId,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  /** Name each tenant with its division code too. */
  withCode?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  testId: string;
}) {
  const list = useTenantList();
  const treeData = useMemo(
    () =>
      mapTenantTree(buildTenantTree(list.tenants ?? []), (tenant) => ({
        value: tenant.id,
        title: withCode ? `${tenant.name} · ${tenant.divisionCode}` : tenant.name,
      })),
    [list.tenants, withCode],
  );
  return (
    <TreeSelect
      style={style}
      allowClear={allowClear}
      placeholder={placeholder}
      // The id alone means nothing to a person: shown once the names are in.
      value={list.tenants ? (value ?? undefined) : undefined}
      loading={list.loading}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      onChange={(id: string | undefined) => onChange(id ?? null)}
      data-testid={testId}
    />
  );
}
