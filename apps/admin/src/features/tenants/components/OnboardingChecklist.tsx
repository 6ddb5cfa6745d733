import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TenantDetailQuery } from '../../../shared/api/graphql.generated';

function ChecklistItem({ done, label }: { done: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      {done ? (
        <CheckCircleFilled style={{ color: '#52c41a' }} />
      ) : (
        <ClockCircleOutlined style={{ color: '#faad14' }} />
      )}
      <span>{label}</span>
      <Typography.Text type="secondary">
        · {done ? t('tenant.itemDone') : t('tenant.itemPending')}
      </Typography.Text>
    </div>
  );
}

/** What a new tenant still lacks before it can go live. */
export function OnboardingChecklist({
  checklist,
}: {
  checklist: TenantDetailQuery['tenant']['onboardingChecklist'];
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type={checklist.complete ? 'success' : 'info'}
      showIcon
      data-testid="tenant-checklist"
      message={
        <Typography.Text strong>
          {t('tenant.checklist')} ·{' '}
          {checklist.complete ? t('tenant.checklistComplete') : t('tenant.checklistPending')}
        </Typography.Text>
      }
      description={
        <Space direction="vertical" size={4} style={{ marginTop: 4 }}>
          <ChecklistItem done={checklist.hasWindow} label={t('tenant.checklistWindow')} />
          <ChecklistItem done={checklist.managerReady} label={t('tenant.checklistManager')} />
          <ChecklistItem done={checklist.hasMenu} label={t('tenant.checklistMenu')} />
        </Space>
      }
    />
  );
}
