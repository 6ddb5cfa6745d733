import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Code } from '../../../shared/ui/Facts';
import type { RolloutConflict, RolloutOutcome } from '../hooks/useRollouts';
import { CONFLICT_CODES, knownKey, OUTCOME_KINDS, SETTING_FIELDS } from '../rules/rollout-rules';

/** A value before → after (an empty side said as such). */
export function BeforeAfter({ before, after }: { before: string | null; after: string | null }) {
  const { t } = useTranslation();
  const shown = (value: string | null) => value ?? t('rollouts.empty');
  return (
    <span data-testid="before-after">
      <Typography.Text delete type="secondary">
        {shown(before)}
      </Typography.Text>
      {' → '}
      <Typography.Text strong>{shown(after)}</Typography.Text>
    </span>
  );
}

/** A label for a known value of `group`, else the value as it came. */
function useLabel() {
  const { t } = useTranslation();
  return (group: string, known: readonly string[], value: string) => {
    const key = knownKey(group, known, value);
    return key ? t(key) : value;
  };
}

/** Each conflict of a tenant: what it is, the item, before → after, the policy applied. */
export function ConflictsTable({ conflicts }: { conflicts: readonly RolloutConflict[] }) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const english = i18n.language.startsWith('en');
  return (
    <Table<RolloutConflict>
      size="small"
      rowKey={(conflict) => `${conflict.code}:${conflict.itemCode}:${conflict.field ?? ''}`}
      dataSource={[...conflicts]}
      pagination={conflicts.length > 10 ? { pageSize: 10, size: 'small' } : false}
      // The policy takes the width left and wraps; narrower than this, the table scrolls.
      scroll={{ x: 760 }}
      data-testid="rollout-conflicts"
      columns={[
        {
          title: t('rollouts.conflictCode'),
          dataIndex: 'code',
          width: 170,
          render: (code: string) => (
            <Tag color="orange" data-conflict={code}>
              {label('rollouts.conflict', CONFLICT_CODES, code)}
            </Tag>
          ),
        },
        {
          title: t('rollouts.itemCode'),
          dataIndex: 'itemCode',
          width: 150,
          render: (code: string) => <Code>{code}</Code>,
        },
        {
          title: t('rollouts.beforeAfter'),
          key: 'change',
          width: 200,
          render: (_, conflict) =>
            conflict.before === null && conflict.after === null ? (
              '—'
            ) : (
              <Space direction="vertical" size={0}>
                {conflict.field && (
                  <Typography.Text type="secondary">
                    {label('rollouts.settingField', SETTING_FIELDS, conflict.field)}
                  </Typography.Text>
                )}
                <BeforeAfter before={conflict.before} after={conflict.after} />
              </Space>
            ),
        },
        {
          title: t('rollouts.policy'),
          key: 'policy',
          render: (_, conflict) => (
            <div style={{ whiteSpace: 'normal' }}>
              {english ? conflict.policy.enUS : conflict.policy.zhCN}
            </div>
          ),
        },
      ]}
    />
  );
}

/** Each entry that changes: what happens to it, and its settings before → after. */
export function OutcomesTable({ outcomes }: { outcomes: readonly RolloutOutcome[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Table<RolloutOutcome>
      size="small"
      rowKey="code"
      dataSource={[...outcomes]}
      pagination={outcomes.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={{ x: 560 }}
      data-testid="rollout-outcomes"
      columns={[
        {
          title: t('rollouts.itemCode'),
          dataIndex: 'code',
          width: 150,
          render: (code: string) => <Code>{code}</Code>,
        },
        {
          title: t('rollouts.outcome'),
          dataIndex: 'kind',
          width: 110,
          render: (kind: string) => <Tag>{label('rollouts.outcomeKind', OUTCOME_KINDS, kind)}</Tag>,
        },
        {
          title: t('rollouts.beforeAfter'),
          key: 'changes',
          render: (_, outcome) =>
            outcome.changes.length === 0 ? (
              '—'
            ) : (
              <Space direction="vertical" size={2}>
                {outcome.changes.map((change) => (
                  <div key={change.field} style={{ whiteSpace: 'normal' }}>
                    <Typography.Text type="secondary">
                      {t('rollouts.fieldLabel', {
                        field: label('rollouts.settingField', SETTING_FIELDS, change.field),
                      })}
                    </Typography.Text>
                    <BeforeAfter before={change.before} after={change.after} />
                  </div>
                ))}
              </Space>
            ),
        },
      ]}
    />
  );
}

/** A tenant's conflicts and changed entries, one under the other (an expanded row). */
export function TenantChanges({
  conflicts,
  outcomes,
  emptyText,
}: {
  conflicts: readonly RolloutConflict[];
  outcomes: readonly RolloutOutcome[];
  emptyText: string;
}) {
  const { t } = useTranslation();
  if (conflicts.length === 0 && outcomes.length === 0) {
    return <Typography.Text type="secondary">{emptyText}</Typography.Text>;
  }
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {conflicts.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('rollouts.conflictsTitle')}</Typography.Title>
          <ConflictsTable conflicts={conflicts} />
        </div>
      )}
      {outcomes.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('rollouts.changesTitle')}</Typography.Title>
          <OutcomesTable outcomes={outcomes} />
        </div>
      )}
    </Space>
  );
}
