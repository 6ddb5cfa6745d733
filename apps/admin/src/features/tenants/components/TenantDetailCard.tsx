import { ApartmentOutlined, PlusCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TenantDetailQuery } from '../../../shared/api/graphql.generated';
import { tenantKindLabel } from '../../../shared/i18n/labels';
import { navigate } from '../../../shared/navigation/navigation';
import { Code, type Fact, Facts } from '../../../shared/ui/Facts';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { TenantKindTag, TenantStatusTag } from '../../../shared/ui/tags';
import type { CurrentUser } from '../../../shared/viewer/viewer';
import { StaffSection } from '../../staff/components/StaffSection';
import { WindowsSection } from '../../windows/components/WindowsSection';
import { useTenantDetail } from '../hooks/useTenantDetail';
import { OnboardingChecklist } from './OnboardingChecklist';
import { StatusActions } from './StatusActions';

/** One tenant as the detail card reads it. */
type TenantDetail = TenantDetailQuery['tenant'];

export type DetailMode = 'full' | 'windows' | 'staff';

/**
 * One tenant: its facts, onboarding checklist, windows and staff, with the actions the
 * server says the user may do there. `windows` and `staff` show that table alone.
 */
export function TenantDetailCard({
  tenantId,
  user,
  mode = 'full',
  onChanged,
}: {
  tenantId: string;
  user: CurrentUser;
  mode?: DetailMode;
  /** Called after anything changed (the tree may need to show a new status). */
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useTenantDetail(tenantId, user);
  const tenant: TenantDetail | undefined =
    data?.tenant && data.tenant.id === tenantId ? data.tenant : undefined;

  const refresh = () => {
    void refetch().catch(() => undefined);
    onChanged?.();
  };

  if (!tenant) {
    if (error && !loading) {
      return (
        <Card>
          <LoadFailure
            title={t('tenant.loadError')}
            error={error}
            onRetry={() => void refetch().catch(() => undefined)}
          />
        </Card>
      );
    }
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }

  const may = tenant.viewerCan;
  const staff = may.readStaff ? (tenant.staffMembers ?? []) : undefined;
  const windowsSection = (
    <WindowsSection
      tenant={tenant}
      windows={tenant.serviceWindows}
      staff={staff}
      canManage={may.manageWindows}
      onChanged={refresh}
    />
  );
  const staffSection = staff ? (
    <StaffSection
      tenant={tenant}
      staff={staff}
      windows={tenant.serviceWindows}
      user={user}
      canManage={may.manageStaff}
      onChanged={refresh}
    />
  ) : (
    <Alert type="info" showIcon message={t('staff.hidden')} />
  );

  const actions = (
    <Space wrap>
      {/* On the tenants screen; the windows and staff screens keep to their table. */}
      {mode === 'full' && may.onboardBelow && tenant.status !== 'SUSPENDED' && (
        <Button
          icon={<PlusCircleOutlined />}
          onClick={() => navigate({ name: 'onboarding', parentId: tenant.id })}
          data-testid="tenant-onboard-here"
        >
          {t('tenant.onboardHere')}
        </Button>
      )}
      {/* Never offered on one's own tenant: suspending it would shut oneself out. */}
      {may.suspend && tenant.id !== user.tenant.id && (
        <StatusActions tenant={tenant} onChanged={refresh} />
      )}
      <Button
        icon={<ReloadOutlined />}
        loading={loading}
        onClick={refresh}
        aria-label={t('common.reload')}
        title={t('common.reload')}
      />
    </Space>
  );

  const title = (
    <Space size={8} wrap>
      <ApartmentOutlined style={{ color: '#1f5fc8' }} />
      <span data-testid="tenant-detail-name">{tenant.name}</span>
      <TenantKindTag kind={tenant.kind} />
      <span data-testid="tenant-detail-status">
        <TenantStatusTag status={tenant.status} />
      </span>
    </Space>
  );

  if (mode !== 'full') {
    return (
      <Card title={title} extra={actions} data-testid="tenant-detail">
        {mode === 'windows' ? windowsSection : staffSection}
      </Card>
    );
  }

  return (
    <Card title={title} extra={actions} data-testid="tenant-detail">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Facts
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          testId="tenant-facts"
          facts={[
            ['divisionCode', t('tenant.divisionCode'), <Code>{tenant.divisionCode}</Code>],
            ['kind', t('tenant.kind'), tenantKindLabel(t, tenant.kind)],
            ['status', t('tenant.status'), <TenantStatusTag status={tenant.status} />],
            // The server names the parent, also one the reader does not see; said only when given.
            ...(tenant.parentName
              ? [['parent', t('tenant.parent'), tenant.parentName] as Fact]
              : tenant.parentId === null
                ? [['parent', t('tenant.parent'), t('tenant.top')] as Fact]
                : []),
          ]}
        />
        {tenant.status === 'SUSPENDED' && (
          <Alert
            type="error"
            showIcon
            message={t('tenant.suspendedNotice')}
            description={
              tenant.suspensionReason
                ? t('tenant.suspensionReason', { reason: tenant.suspensionReason })
                : t('tenant.suspendedAbove')
            }
            data-testid="tenant-suspension"
          />
        )}
        <OnboardingChecklist checklist={tenant.onboardingChecklist} />
        <Tabs
          defaultActiveKey="windows"
          items={[
            {
              key: 'windows',
              label: t('tenant.windowsTab', { count: tenant.serviceWindows.length }),
              children: windowsSection,
            },
            {
              key: 'staff',
              label: staff ? t('tenant.staffTab', { count: staff.length }) : t('staff.title'),
              children: staffSection,
            },
          ]}
        />
      </Space>
    </Card>
  );
}
