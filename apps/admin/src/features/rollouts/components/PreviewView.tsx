import { Collapse, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Code } from '../../../shared/ui/Facts';
import { TenantKindTag } from '../../../shared/ui/tags';
import type { CatalogueDiff, RolloutPreview, TenantPreview } from '../hooks/useRollouts';
import { knownKey } from '../rules/rollout-rules';
import { TenantChanges } from './RolloutDetails';

const ITEM_FIELDS = [
  'name',
  'type',
  'competentDepartment',
  'implementingLevel',
  'legalBasis',
  'applicantScopes',
  'conditions',
  'materials',
  'steps',
  'statutoryLimit',
  'fee',
  'handlingTiers',
  'intakeOnlyTiers',
  'onlineAvailable',
];

/** What a rollout would do: the catalogue's changes, then each tenant's, with conflicts. */
export function PreviewView({ preview }: { preview: RolloutPreview }) {
  const { t } = useTranslation();
  return (
    <Space
      direction="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="rollout-preview-view"
    >
      {preview.diffs.map((diff) => (
        <DiffSummary key={diff.from.id} diff={diff} />
      ))}
      <div>
        <Typography.Title level={5}>{t('rollouts.tenantsTitle')}</Typography.Title>
        <TenantsTable tenants={preview.tenants} />
      </div>
    </Space>
  );
}

const itemText = (item: { code: string; name: string }) => `${item.name}（${item.code}）`;

function DiffSummary({ diff }: { diff: CatalogueDiff }) {
  const { t } = useTranslation();
  const field = (name: string) => {
    const key = knownKey('rollouts.itemField', ITEM_FIELDS, name);
    return key ? t(key) : name;
  };
  const groups: { key: string; count: number; rows: ReactNode[] }[] = [
    { key: 'added', count: diff.added.length, rows: diff.added.map(itemText) },
    { key: 'removed', count: diff.removed.length, rows: diff.removed.map(itemText) },
    {
      key: 'changed',
      count: diff.changed.length,
      rows: diff.changed.map((item) => (
        <Space wrap size={4}>
          <span>{itemText(item)}</span>
          {item.fields.map((name) => (
            <Tag key={name} bordered={false} color="gold">
              {field(name)}
            </Tag>
          ))}
        </Space>
      )),
    },
    {
      key: 'split',
      count: diff.split.length,
      rows: diff.split.map((split) => (
        <span>
          {itemText(split.from)} → {split.to.map(itemText).join('、')}
          <Typography.Text type="secondary">
            {' '}
            {t('rollouts.inheritor', { code: split.inheritor })}
          </Typography.Text>
        </span>
      )),
    },
    {
      key: 'merged',
      count: diff.merged.length,
      rows: diff.merged.map((merge) => (
        <span>
          {merge.from.map(itemText).join('、')} → {itemText(merge.to)}
          <Typography.Text type="secondary">
            {' '}
            {t('rollouts.inheritor', { code: merge.inheritor })}
          </Typography.Text>
        </span>
      )),
    },
    { key: 'suspended', count: diff.suspended.length, rows: diff.suspended.map(itemText) },
  ];
  const shown = groups.filter((group) => group.count > 0);
  return (
    <div data-testid="rollout-diff">
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          {t('rollouts.diffTitle', { from: diff.from.label })}
        </Typography.Text>
        {groups.map((group) => (
          <Tag key={group.key} color={group.count > 0 ? 'blue' : 'default'} data-diff={group.key}>
            {t(`rollouts.diff.${group.key}`)} {group.count}
          </Tag>
        ))}
      </Space>
      {shown.length === 0 ? (
        <Typography.Text type="secondary">{t('rollouts.diffNone')}</Typography.Text>
      ) : (
        <Collapse
          size="small"
          items={shown.map((group) => ({
            key: group.key,
            label: `${t(`rollouts.diff.${group.key}`)} · ${t('rollouts.diffCount', { count: group.count })}`,
            children: (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {group.rows.map((row, index) => (
                  <li key={index}>{row}</li>
                ))}
              </ul>
            ),
          }))}
        />
      )}
    </div>
  );
}

function TenantsTable({ tenants }: { tenants: readonly TenantPreview[] }) {
  const { t } = useTranslation();
  const count = (key: 'kept' | 'adopted' | 'readOnly' | 'dropped' | 'unchanged') => ({
    title: t(`rollouts.${key}`),
    dataIndex: key,
    width: 80,
    align: 'right' as const,
  });
  return (
    <Table<TenantPreview>
      size="middle"
      rowKey={(entry) => entry.tenant.id}
      dataSource={[...tenants]}
      pagination={tenants.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
      data-testid="rollout-tenants"
      expandable={{
        rowExpandable: (entry) => entry.conflicts.length > 0 || entry.outcomes.length > 0,
        expandedRowRender: (entry) => (
          <TenantChanges
            conflicts={entry.conflicts}
            outcomes={entry.outcomes}
            emptyText={t('rollouts.noChanges')}
          />
        ),
      }}
      columns={[
        {
          title: t('rollouts.tenantName'),
          key: 'tenant',
          width: 220,
          // Fixed, so an expanded row keeps to the visible width and scrolls on its own.
          fixed: 'left',
          render: (_, entry) => (
            <Space size={4} style={{ whiteSpace: 'nowrap' }}>
              <span>{entry.tenant.name}</span>
              <TenantKindTag kind={entry.tenant.kind} />
            </Space>
          ),
        },
        {
          title: t('rollouts.divisionCode'),
          key: 'divisionCode',
          width: 130,
          render: (_, entry) => <Code>{entry.tenant.divisionCode}</Code>,
        },
        count('kept'),
        count('adopted'),
        count('readOnly'),
        count('dropped'),
        count('unchanged'),
        {
          title: t('rollouts.conflicts'),
          key: 'conflicts',
          width: 80,
          align: 'right',
          render: (_, entry) =>
            entry.conflicts.length > 0 ? (
              <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                {entry.conflicts.length}
              </Tag>
            ) : (
              0
            ),
        },
      ]}
    />
  );
}
