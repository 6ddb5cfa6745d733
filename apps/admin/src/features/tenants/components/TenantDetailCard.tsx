import {
  ApartmentOutlined,
  CheckCircleFilled,
  ClockCircleOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  PlusCircleOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../../shared/viewer/viewer';
import {
  ReactivateTenantDocument,
  SuspendTenantDocument,
  type TenantDetailQuery,
  type TenantSummaryFragment as TenantSummary,
} from '../../../shared/api/graphql.generated';

/** One tenant as the detail card reads it. */
type TenantDetail = TenantDetailQuery['tenant'];
import { navigate } from '../../../shared/navigation/navigation';
import { actionErrorText } from '../../../shared/i18n/describe';
import { tenantKindLabel } from '../../../shared/i18n/labels';
import { TenantKindTag, TenantStatusTag } from '../../../shared/ui/tags';
import { useTenantDetail } from '../hooks/useTenantDetail';
import { StaffSection } from '../../staff/components/StaffSection';
import { WindowsSection } from '../../windows/components/WindowsSection';

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

function Checklist({ checklist }: { checklist: TenantDetail['onboardingChecklist'] }) {
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
        </Space>
      }
    />
  );
}

function SuspendDialog({
  tenant,
  onClose,
  onDone,
}: {
  tenant: TenantSummary;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [suspend, { loading }] = useMutation(SuspendTenantDocument);

  const submit = async ({ reason }: { reason: string }) => {
    setError(null);
    try {
      await suspend({ variables: { input: { tenantId: tenant.id, reason: reason.trim() } } });
      void message.success(t('tenant.suspended', { name: tenant.name }));
      onDone();
      onClose();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Modal
      open
      title={t('tenant.suspendTitle', { name: tenant.name })}
      okText={t('tenant.suspendConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'tenant-suspend-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('tenant.suspendHint')}</Typography.Paragraph>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={actionErrorText(t, error)}
        />
      )}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item
          label={t('tenant.reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('tenant.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('tenant.reasonPlaceholder')}
            data-testid="tenant-suspend-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function StatusActions({ tenant, onChanged }: { tenant: TenantSummary; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [suspending, setSuspending] = useState(false);
  const [reactivate, { loading }] = useMutation(ReactivateTenantDocument);

  if (tenant.status === 'SUSPENDED') {
    const run = async () => {
      try {
        await reactivate({ variables: { input: { tenantId: tenant.id } } });
        void message.success(t('tenant.reactivated', { name: tenant.name }));
      } catch (caught) {
        void message.error(actionErrorText(t, caught), 6);
      } finally {
        onChanged();
      }
    };
    return (
      <Popconfirm
        title={t('tenant.reactivateTitle', { name: tenant.name })}
        description={<div style={{ maxWidth: 280 }}>{t('tenant.reactivateHint')}</div>}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onConfirm={run}
      >
        <Button icon={<PlayCircleOutlined />} loading={loading} data-testid="tenant-reactivate">
          {t('tenant.reactivate')}
        </Button>
      </Popconfirm>
    );
  }
  return (
    <>
      <Button
        danger
        icon={<PauseCircleOutlined />}
        onClick={() => setSuspending(true)}
        data-testid="tenant-suspend"
      >
        {t('tenant.suspend')}
      </Button>
      {suspending && (
        <SuspendDialog tenant={tenant} onClose={() => setSuspending(false)} onDone={onChanged} />
      )}
    </>
  );
}

export type DetailMode = 'full' | 'windowsAndStaff';

/**
 * One tenant: its facts, onboarding checklist, windows and staff, with the actions the
 * server says the user may do there. `windowsAndStaff` shows the two tables without the overview.
 */
export function TenantDetailCard({
  tenantId,
  user,
  tenants,
  mode = 'full',
  onChanged,
}: {
  tenantId: string;
  user: CurrentUser;
  /** The visible tenants (to name the parent); null while loading. */
  tenants: TenantSummary[] | null;
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
          <Result
            status="warning"
            title={t('tenant.loadError')}
            subTitle={actionErrorText(t, error)}
            extra={
              <Button onClick={() => void refetch().catch(() => undefined)}>
                {t('common.retry')}
              </Button>
            }
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
  const parent = tenants?.find((candidate) => candidate.id === tenant.parentId);
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
      {may.onboardBelow && tenant.status !== 'SUSPENDED' && (
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

  if (mode === 'windowsAndStaff') {
    return (
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="tenant-detail">
        <Card title={title} extra={actions} styles={{ body: { paddingTop: 8 } }}>
          <Typography.Title level={5}>{t('windows.windowsTitle')}</Typography.Title>
          {windowsSection}
        </Card>
        <Card title={t('staff.title')}>{staffSection}</Card>
      </Space>
    );
  }

  return (
    <Card title={title} extra={actions} data-testid="tenant-detail">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          data-testid="tenant-facts"
          items={[
            {
              key: 'divisionCode',
              label: t('tenant.divisionCode'),
              children: <Typography.Text code>{tenant.divisionCode}</Typography.Text>,
            },
            { key: 'kind', label: t('tenant.kind'), children: tenantKindLabel(t, tenant.kind) },
            {
              key: 'status',
              label: t('tenant.status'),
              children: <TenantStatusTag status={tenant.status} />,
            },
            {
              key: 'parent',
              label: t('tenant.parent'),
              children: tenant.parentId === null ? t('tenant.top') : (parent?.name ?? '—'),
            },
          ]}
        />
        <Checklist checklist={tenant.onboardingChecklist} />
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
