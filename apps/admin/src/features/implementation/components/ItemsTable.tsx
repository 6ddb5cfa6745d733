import { EditOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemHandling, ItemType } from '../../../shared/api/graphql.generated';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { Code } from '../../../shared/ui/Facts';
import { actionsColumn } from '../../../shared/ui/TableSection';
import { type ImplementationEntry, useImplementationItems } from '../hooks/useImplementation';
import { EditEntryDrawer } from './EditEntryDrawer';
import { useLimitText } from '../hooks/useLimitText';

const ITEM_TYPES: ItemType[] = [
  'ADMINISTRATIVE_LICENSE',
  'ADMINISTRATIVE_CONFIRMATION',
  'ADMINISTRATIVE_PAYMENT',
  'ADMINISTRATIVE_RULING',
  'PUBLIC_SERVICE',
  'OTHER',
];
const HANDLINGS: ItemHandling[] = ['HANDLE', 'INTAKE_ONLY'];

/**
 * The list, a page at a time: name or code and department are searched on the server; type
 * and handling filter only the loaded rows (the API has no such filter).
 */
export function ItemsTable({
  tenantId,
  departments,
  editable,
}: {
  tenantId: string;
  departments: readonly string[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const limitText = useLimitText();
  const [search, setSearch] = useState('');
  const [department, setDepartment] = useState<string | null>(null);
  const [type, setType] = useState<ItemType | null>(null);
  const [handling, setHandling] = useState<ItemHandling | null>(null);
  const [editing, setEditing] = useState<ImplementationEntry | null>(null);
  const list = useImplementationItems(tenantId, search, department);
  const rows = list.items.filter(
    (item) =>
      (type === null || item.standard.type === type) &&
      (handling === null || item.handling === handling),
  );
  const choice = <T extends string>(
    value: T | null,
    set: (value: T | null) => void,
    options: { value: T; label: string }[],
    placeholder: string,
    testId: string,
  ) => (
    <Select<T>
      allowClear
      style={{ minWidth: 180 }}
      placeholder={placeholder}
      value={value}
      onChange={(chosen) => set(chosen ?? null)}
      options={options}
      data-testid={testId}
    />
  );
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('implementation.search')}
          onSearch={(text) => setSearch(text.trim())}
          data-testid="implementation-search"
        />
        {choice(
          department,
          setDepartment,
          departments.map((name) => ({ value: name, label: name })),
          t('implementation.allDepartments'),
          'implementation-department',
        )}
        {choice(
          type,
          setType,
          ITEM_TYPES.map((value) => ({ value, label: t(`catalogue.itemType.${value}`) })),
          t('implementation.allTypes'),
          'implementation-type',
        )}
        {choice(
          handling,
          setHandling,
          HANDLINGS.map((value) => ({ value, label: t(`implementation.handlingValue.${value}`) })),
          t('implementation.allHandling'),
          'implementation-handling',
        )}
        <Typography.Text type="secondary" data-testid="implementation-loaded">
          {t('implementation.loaded', { count: list.items.length })}
        </Typography.Text>
      </Space>
      {list.error && (
        <ErrorAlert
          title={t('implementation.loadError')}
          error={list.error}
          testId="implementation-error"
        />
      )}
      <Table<ImplementationEntry>
        size="middle"
        rowKey="code"
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('implementation.empty') }}
        data-testid="implementation-items"
        columns={[
          {
            title: t('implementation.code'),
            dataIndex: 'code',
            width: 150,
            render: (code: string) => <Code>{code}</Code>,
          },
          {
            title: t('implementation.name'),
            key: 'name',
            width: 240,
            render: (_, item) => item.standard.name,
          },
          {
            title: t('implementation.department'),
            key: 'department',
            width: 160,
            render: (_, item) => item.standard.competentDepartment,
          },
          {
            title: t('implementation.limit'),
            key: 'limit',
            width: 170,
            render: (_, item) => (
              <span data-testid={`limit-${item.code}`}>
                {limitText(item.promisedLimit)}
                <Typography.Text type="secondary">
                  {' / '}
                  {limitText(item.standard.statutoryLimit)}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t('implementation.handling'),
            dataIndex: 'handling',
            width: 110,
            render: (value: ItemHandling) => (
              <Tag color={value === 'HANDLE' ? 'green' : 'default'}>
                {t(`implementation.handlingValue.${value}`)}
              </Tag>
            ),
          },
          {
            title: t('implementation.phone'),
            dataIndex: 'phone',
            width: 130,
            render: (phone: string | null) => phone ?? '—',
          },
          ...actionsColumn<ImplementationEntry>(editable, t('common.actions'), 90, (item) => (
            <Button
              type="link"
              icon={<EditOutlined />}
              onClick={() => setEditing(item)}
              data-testid={`edit-${item.code}`}
            >
              {t('implementation.edit')}
            </Button>
          )),
        ]}
      />
      {list.hasMore && (
        <Button onClick={() => void list.more()} data-testid="implementation-more">
          {t('implementation.more')}
        </Button>
      )}
      {editing && <EditEntryDrawer entry={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
