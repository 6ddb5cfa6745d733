import {
  ApartmentOutlined,
  ArrowLeftOutlined,
  ArrowRightOutlined,
  CheckOutlined,
  DeleteOutlined,
  PlusOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Radio,
  Result,
  Select,
  Skeleton,
  Space,
  Spin,
  Steps,
  Table,
  TreeSelect,
  Typography,
} from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemsOf } from '../../../shared/api/errors';
import type { CurrentUser } from '../../../shared/viewer/viewer';
import {
  type IssuedSetupLinkFragment as SetupLink,
  OnboardingPreviewDocument,
  type OnboardingPreviewQuery,
  OnboardTenantDocument,
  type TenantSummaryFragment as TenantSummary,
} from '../../../shared/api/graphql.generated';
import {
  DISPLAY_NAME_MAX,
  displayNameProblems,
  usernameProblems,
} from '../../staff/rules/account-rules';
import {
  WINDOW_CODE_MAX,
  WINDOW_NAME_MAX,
  type WindowDraft,
  windowProblems,
} from '../../windows/rules/window-rules';

type OnboardingPreview = OnboardingPreviewQuery['onboardingPreview'];
import { navigate } from '../../../shared/navigation/navigation';
import { actionErrorText, problemText } from '../../../shared/i18n/describe';
import { formatDateTime } from '../../../shared/i18n/format';
import {
  roleLabel,
  tenantKindLabel,
  WINDOW_KINDS,
  windowKindLabel,
} from '../../../shared/i18n/labels';
import {
  childKindsFor,
  divisionCodeProblems,
  divisionCodeShape,
  firstManagerRole,
  NAME_MAX,
  nameProblems,
  type OnboardingDraft,
  onboardingInput,
  serverProblemText,
  suggestedWindows,
} from '../rules/onboarding-rules';
import { setupLinkUrl } from '../../setup/rules/setup-link';
import { buildTenantTree, type TenantTreeNode } from '../../tenants/rules/tenant-tree';
import { CopyBox } from '../../../shared/ui/CopyBox';
import { TenantKindTag, TenantStatusTag, WindowKindTag } from '../../../shared/ui/tags';
import { useTenantList } from '../../tenants/hooks/useTenantList';

type Translate = (key: string, values?: Record<string, unknown>) => string;

const STEP_KEYS = ['basics', 'windows', 'manager', 'preview', 'done'] as const;

interface ParentOption {
  value: string;
  title: ReactNode;
  label: string;
  selectable: boolean;
  children: ParentOption[];
}

function parentOptions(nodes: TenantTreeNode<TenantSummary>[]): ParentOption[] {
  return nodes.map(({ tenant, children }) => ({
    value: tenant.id,
    label: tenant.name,
    title: (
      <span>
        {tenant.name}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {tenant.divisionCode}
        </Typography.Text>
      </span>
    ),
    selectable: true,
    children: parentOptions(children),
  }));
}

/** Antd form rule from a plain problem check. */
function check(t: Translate, problems: (value: string) => { key: string }[]) {
  return {
    validator: async (_: unknown, value: unknown) => {
      const [problem] = problems(typeof value === 'string' ? value : '');
      if (problem) throw new Error(problemText(t, problem));
    },
  };
}

function StepFooter({ children }: { children: ReactNode }) {
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'flex-end',
        gap: 8,
        borderTop: '1px solid #f0f0f0',
        paddingTop: 16,
        marginTop: 8,
      }}
    >
      {children}
    </div>
  );
}

function BasicsStep({
  t,
  draft,
  parents,
  onChange,
  onNext,
}: {
  t: Translate;
  draft: OnboardingDraft;
  parents: TenantSummary[];
  onChange: (patch: Partial<OnboardingDraft>) => void;
  onNext: () => void;
}) {
  const [form] =
    Form.useForm<Pick<OnboardingDraft, 'parentId' | 'kind' | 'divisionCode' | 'name'>>();
  const options = useMemo(() => parentOptions(buildTenantTree(parents)), [parents]);
  const byId = useMemo(() => new Map(parents.map((p) => [p.id, p])), [parents]);
  const parent = byId.get(draft.parentId);
  const kinds = parent ? childKindsFor(parent.kind) : [];
  const shape = parent ? divisionCodeShape(draft.kind, parent) : null;

  const next = async () => {
    try {
      await form.validateFields();
      onNext();
    } catch {
      // the form shows what to fix
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={draft}
      onValuesChange={(changed: Partial<OnboardingDraft>) => {
        const patch: Partial<OnboardingDraft> = { ...changed };
        if (changed.parentId) {
          const chosen = byId.get(changed.parentId);
          const allowed = chosen ? childKindsFor(chosen.kind) : [];
          if (chosen && !allowed.includes(form.getFieldValue('kind'))) {
            patch.kind = allowed[0];
            form.setFieldValue('kind', allowed[0]);
          }
        }
        onChange(patch);
        if (form.getFieldValue('divisionCode'))
          void form.validateFields(['divisionCode']).catch(() => undefined);
      }}
      style={{ maxWidth: 640 }}
    >
      <Form.Item
        label={t('onboarding.parent')}
        name="parentId"
        extra={t('onboarding.parentHint')}
        rules={[{ required: true, message: t('onboarding.parentRequired') }]}
      >
        <TreeSelect
          treeData={options}
          treeDefaultExpandAll
          showSearch
          treeNodeFilterProp="label"
          treeNodeLabelProp="label"
          data-testid="onboarding-parent"
        />
      </Form.Item>
      <Form.Item label={t('onboarding.kind')} name="kind">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={kinds.map((kind) => ({ value: kind, label: tenantKindLabel(t, kind) }))}
          data-testid="onboarding-kind"
        />
      </Form.Item>
      <Form.Item
        label={t('onboarding.divisionCode')}
        name="divisionCode"
        extra={shape ? t('onboarding.codeHint', shape) : undefined}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_: unknown, value: string) => {
              const chosen = byId.get(getFieldValue('parentId'));
              if (!chosen) return;
              const [problem] = divisionCodeProblems(
                (value ?? '').trim(),
                getFieldValue('kind'),
                chosen,
              );
              if (problem) throw new Error(problemText(t, problem));
            },
          }),
        ]}
      >
        <Input
          inputMode="numeric"
          maxLength={12}
          placeholder={shape ? shape.prefix + 'x'.repeat(shape.length - shape.prefix.length) : ''}
          style={{
            maxWidth: 260,
            fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          }}
          data-testid="onboarding-division-code"
        />
      </Form.Item>
      <Form.Item label={t('onboarding.name')} name="name" rules={[check(t, nameProblems)]}>
        <Input
          maxLength={NAME_MAX}
          placeholder={t('onboarding.namePlaceholder')}
          style={{ maxWidth: 360 }}
          data-testid="onboarding-name"
        />
      </Form.Item>
      <StepFooter>
        <Button type="primary" onClick={() => void next()} data-testid="onboarding-next">
          {t('common.next')} <ArrowRightOutlined />
        </Button>
      </StepFooter>
    </Form>
  );
}

function WindowsStep({
  t,
  draft,
  onChange,
  onBack,
  onNext,
}: {
  t: Translate;
  draft: OnboardingDraft;
  onChange: (windows: WindowDraft[]) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const [form] = Form.useForm<{ windows: WindowDraft[] }>();
  const windows: WindowDraft[] = Form.useWatch('windows', form) ?? draft.windows;

  const rowRule = (index: number, field: 'code' | 'name') => ({
    validator: async () => {
      const rows: WindowDraft[] = form.getFieldValue('windows') ?? [];
      const problem = windowProblems(
        rows.map((r) => ({ code: r?.code ?? '', name: r?.name ?? '', kind: r?.kind })),
      )[index]?.[field];
      if (problem) throw new Error(problemText(t, problem));
    },
  });

  const next = async () => {
    try {
      await form.validateFields();
      onNext();
    } catch {
      // shown on the rows
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ windows: draft.windows }}
      onValuesChange={(_changed, all: { windows: WindowDraft[] }) => onChange(all.windows ?? [])}
    >
      <Typography.Paragraph type="secondary">{t('onboarding.windowsHint')}</Typography.Paragraph>
      <Form.List name="windows">
        {(fields, { add, remove }) => (
          <Space direction="vertical" size={0} style={{ width: '100%', maxWidth: 760 }}>
            {fields.length > 0 && (
              <div style={{ display: 'flex', gap: 8, color: '#8c8c8c', paddingBottom: 4 }}>
                <span style={{ width: 120 }}>{t('windows.code')}</span>
                <span style={{ flex: 1 }}>{t('windows.name')}</span>
                <span style={{ width: 170 }}>{t('windows.kind')}</span>
                <span style={{ width: 32 }} />
              </div>
            )}
            {fields.map((field, index) => (
              <div
                key={field.key}
                style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}
                data-testid={`onboarding-window-${index}`}
              >
                <Form.Item
                  name={[field.name, 'code']}
                  rules={[rowRule(index, 'code')]}
                  style={{ width: 120 }}
                >
                  <Input
                    maxLength={WINDOW_CODE_MAX}
                    placeholder="C1"
                    data-testid="onboarding-window-code"
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[rowRule(index, 'name')]}
                  style={{ flex: 1 }}
                >
                  <Input maxLength={WINDOW_NAME_MAX} data-testid="onboarding-window-name" />
                </Form.Item>
                <Form.Item name={[field.name, 'kind']} style={{ width: 170 }}>
                  <Select
                    options={WINDOW_KINDS.map((kind) => ({
                      value: kind,
                      label: windowKindLabel(t, kind),
                    }))}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('onboarding.removeWindow')}
                  title={t('onboarding.removeWindow')}
                />
              </div>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ code: '', name: '', kind: 'COMPREHENSIVE' })}
              style={{ width: '100%' }}
              data-testid="onboarding-add-window"
            >
              {t('onboarding.addWindow')}
            </Button>
          </Space>
        )}
      </Form.List>
      {windows.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16, maxWidth: 760 }}
          message={t('onboarding.noWindowsWarning')}
        />
      )}
      <StepFooter>
        <Button onClick={onBack} icon={<ArrowLeftOutlined />}>
          {t('common.previous')}
        </Button>
        <Button type="primary" onClick={() => void next()} data-testid="onboarding-next">
          {t('common.next')} <ArrowRightOutlined />
        </Button>
      </StepFooter>
    </Form>
  );
}

function ManagerStep({
  t,
  draft,
  onChange,
  onBack,
  onNext,
}: {
  t: Translate;
  draft: OnboardingDraft;
  onChange: (manager: OnboardingDraft['manager']) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const [form] = Form.useForm<OnboardingDraft['manager']>();
  const next = async () => {
    try {
      await form.validateFields();
      onNext();
    } catch {
      // shown on the fields
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={draft.manager}
      onValuesChange={(_changed, all: OnboardingDraft['manager']) => onChange(all)}
      style={{ maxWidth: 640 }}
    >
      <Typography.Paragraph type="secondary">{t('onboarding.managerHint')}</Typography.Paragraph>
      <Form.Item
        label={t('onboarding.username')}
        name="username"
        extra={t('onboarding.usernameHelp')}
        rules={[check(t, (v) => usernameProblems(v.trim()))]}
      >
        <Input
          autoComplete="off"
          placeholder={t('onboarding.usernamePlaceholder')}
          style={{ maxWidth: 360 }}
          data-testid="onboarding-manager-username"
        />
      </Form.Item>
      <Form.Item
        label={t('onboarding.displayName')}
        name="displayName"
        rules={[check(t, displayNameProblems)]}
      >
        <Input
          autoComplete="off"
          maxLength={DISPLAY_NAME_MAX}
          placeholder={t('onboarding.displayNamePlaceholder')}
          style={{ maxWidth: 360 }}
          data-testid="onboarding-manager-display-name"
        />
      </Form.Item>
      <Form.Item label={t('onboarding.managerRole')}>
        <Typography.Text strong>{roleLabel(t, firstManagerRole(draft.kind))}</Typography.Text>
      </Form.Item>
      <StepFooter>
        <Button onClick={onBack} icon={<ArrowLeftOutlined />}>
          {t('common.previous')}
        </Button>
        <Button type="primary" onClick={() => void next()} data-testid="onboarding-next">
          {t('common.next')} <ArrowRightOutlined />
        </Button>
      </StepFooter>
    </Form>
  );
}

interface PreviewState {
  loading: boolean;
  preview: OnboardingPreview | null;
  error: unknown;
}

function PreviewStep({
  t,
  draft,
  onBack,
  onDone,
}: {
  t: Translate;
  draft: OnboardingDraft;
  onBack: () => void;
  onDone: (tenant: TenantSummary, link: SetupLink) => void;
}) {
  const client = useApolloClient();
  const [state, setState] = useState<PreviewState>({ loading: true, preview: null, error: null });
  const [refused, setRefused] = useState<string[] | null>(null);
  const [commitError, setCommitError] = useState<unknown>(null);
  const [onboard, { loading: committing }] = useMutation(OnboardTenantDocument);
  const input = useMemo(() => onboardingInput(draft), [draft]);

  const load = useCallback(async () => {
    setState((s) => ({ ...s, loading: true, error: null }));
    setRefused(null);
    setCommitError(null);
    try {
      const { data } = await client.query({
        query: OnboardingPreviewDocument,
        variables: { input },
        fetchPolicy: 'no-cache',
      });
      setState({ loading: false, preview: data?.onboardingPreview ?? null, error: null });
    } catch (error) {
      setState({ loading: false, preview: null, error });
    }
  }, [client, input]);

  useEffect(() => {
    void load();
  }, [load]);

  const problems = refused ?? state.preview?.problems ?? [];
  const canCommit = !state.loading && state.preview !== null && problems.length === 0;

  const commit = async () => {
    setCommitError(null);
    try {
      const { data } = await onboard({ variables: { input } });
      if (data) onDone(data.onboardTenant.tenant, data.onboardTenant.managerSetupLink);
    } catch (error) {
      const listed = problemsOf(error);
      if (listed.length > 0) setRefused(listed);
      else setCommitError(error);
    }
  };

  const preview = state.preview;
  return (
    <Space
      direction="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="onboarding-preview"
    >
      {state.loading ? (
        <Alert
          type="info"
          showIcon
          icon={<Spin size="small" />}
          message={t('onboarding.checking')}
        />
      ) : state.error ? (
        <Alert
          type="error"
          showIcon
          message={t('onboarding.previewFailed')}
          description={actionErrorText(t, state.error)}
          data-testid="onboarding-preview-error"
        />
      ) : problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          message={t('onboarding.previewProblems', { count: problems.length })}
          description={
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {problems.map((problem) => (
                <li key={problem}>{serverProblemText(t, problem)}</li>
              ))}
            </ul>
          }
          data-testid="onboarding-problems"
        />
      ) : (
        <Alert
          type="success"
          showIcon
          message={t('onboarding.previewOk')}
          data-testid="onboarding-preview-ok"
        />
      )}
      {commitError !== null && (
        <Alert
          type="error"
          showIcon
          message={t('onboarding.commitFailed')}
          description={actionErrorText(t, commitError)}
          data-testid="onboarding-commit-error"
        />
      )}
      {preview && (
        <>
          <Descriptions
            title={t('onboarding.willCreate')}
            bordered
            size="small"
            column={{ xs: 1, sm: 1, md: 2 }}
            data-testid="onboarding-preview-facts"
            items={[
              {
                key: 'parent',
                label: t('onboarding.parent'),
                children: (
                  <Space size={4}>
                    {preview.parent.name}
                    <TenantKindTag kind={preview.parent.kind} />
                  </Space>
                ),
              },
              {
                key: 'kind',
                label: t('onboarding.kind'),
                children: tenantKindLabel(t, preview.kind),
              },
              {
                key: 'code',
                label: t('onboarding.divisionCode'),
                children: <Typography.Text code>{preview.divisionCode}</Typography.Text>,
              },
              { key: 'name', label: t('onboarding.name'), children: preview.name },
              {
                key: 'status',
                label: t('onboarding.initialStatus'),
                children: <TenantStatusTag status="ONBOARDING" />,
              },
              {
                key: 'manager',
                label: t('onboarding.account'),
                children: (
                  <Space size={4} wrap>
                    {preview.managerDisplayName}
                    <Typography.Text code>{preview.managerUsername}</Typography.Text>
                    <Typography.Text type="secondary">·</Typography.Text>
                    {roleLabel(t, preview.managerRole)}
                  </Space>
                ),
              },
            ]}
          />
          <Table
            size="small"
            rowKey={(row) => row.code}
            pagination={false}
            dataSource={preview.windows}
            locale={{ emptyText: <Empty description={t('onboarding.noWindowsWarning')} /> }}
            title={() => <Typography.Text strong>{t('windows.windowsTitle')}</Typography.Text>}
            columns={[
              {
                title: t('windows.code'),
                dataIndex: 'code',
                width: 120,
                render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
              },
              { title: t('windows.name'), dataIndex: 'name' },
              {
                title: t('windows.kind'),
                dataIndex: 'kind',
                width: 180,
                render: (kind: string) => <WindowKindTag kind={kind} />,
              },
            ]}
          />
          <Typography.Text type="secondary">{t('onboarding.activationNote')}</Typography.Text>
        </>
      )}
      <StepFooter>
        <Button onClick={onBack} icon={<ArrowLeftOutlined />} disabled={committing}>
          {t('common.previous')}
        </Button>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void load()}
          loading={state.loading}
          disabled={committing}
        >
          {t('onboarding.recheck')}
        </Button>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={!canCommit}
          loading={committing}
          onClick={() => void commit()}
          data-testid="onboarding-commit"
        >
          {t('onboarding.commit')}
        </Button>
      </StepFooter>
    </Space>
  );
}

function DoneStep({
  t,
  language,
  tenant,
  link,
  draft,
  onAnother,
}: {
  t: Translate;
  language: string;
  tenant: TenantSummary;
  link: SetupLink;
  draft: OnboardingDraft;
  onAnother: () => void;
}) {
  return (
    <Result
      status="success"
      title={
        <span data-testid="onboarding-done-title">
          {t('onboarding.doneTitle', { name: tenant.name })}
        </span>
      }
      subTitle={t('onboarding.doneSubtitle', {
        displayName: draft.manager.displayName.trim(),
        username: draft.manager.username.trim(),
      })}
      extra={[
        <Button
          key="view"
          type="primary"
          icon={<ApartmentOutlined />}
          onClick={() => navigate({ name: 'tenants', tenantId: tenant.id })}
          data-testid="onboarding-view-tenant"
        >
          {t('onboarding.viewTenant')}
        </Button>,
        <Button key="another" icon={<PlusOutlined />} onClick={onAnother}>
          {t('onboarding.another')}
        </Button>,
      ]}
    >
      <Space
        direction="vertical"
        size={12}
        style={{ width: '100%', maxWidth: 720, margin: '0 auto', display: 'flex' }}
      >
        <Typography.Text strong>{t('onboarding.linkLabel')}</Typography.Text>
        <CopyBox
          value={setupLinkUrl(window.location.origin, link.path)}
          testId="onboarding-setup-link"
        />
        <Alert
          type="warning"
          showIcon
          message={t('onboarding.linkOnce', {
            expiresAt: formatDateTime(language, link.expiresAt),
          })}
        />
      </Space>
    </Result>
  );
}

function initialDraft(
  t: Translate,
  parents: TenantSummary[],
  preferredIds: (string | null)[],
): OnboardingDraft | null {
  const parent =
    preferredIds.map((id) => parents.find((p) => p.id === id)).find((p) => p !== undefined) ??
    parents[0];
  if (!parent) return null;
  const kind = childKindsFor(parent.kind)[0];
  return {
    parentId: parent.id,
    kind,
    divisionCode: '',
    name: '',
    windows: suggestedWindows(kind, {
      comprehensive: t('onboarding.suggestedComprehensive'),
      proxy: t('onboarding.suggestedProxy'),
    }),
    manager: { username: '', displayName: '' },
  };
}

/** Opening a township center or village station, step by step, checked by the server. */
export function OnboardingPage({ user, parentId }: { user: CurrentUser; parentId: string | null }) {
  const { t, i18n } = useTranslation();
  const list = useTenantList();
  const parents = useMemo(
    () =>
      (list.tenants ?? []).filter(
        (tenant) => tenant.viewerCan.onboardBelow && tenant.status !== 'SUSPENDED',
      ),
    [list.tenants],
  );
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<OnboardingDraft | null>(null);
  const [windowsTouched, setWindowsTouched] = useState(false);
  const [result, setResult] = useState<{ tenant: TenantSummary; link: SetupLink } | null>(null);

  useEffect(() => {
    if (list.tenants && draft === null) {
      setDraft(initialDraft(t, parents, [parentId, user.tenant.id]));
    }
  }, [list.tenants, parents, draft, parentId, user.tenant.id, t]);

  const restart = () => {
    setDraft(initialDraft(t, parents, [parentId, user.tenant.id]));
    setWindowsTouched(false);
    setResult(null);
    setStep(0);
    void list.reload();
  };

  let body: ReactNode;
  if (!list.tenants || (draft === null && parents.length > 0)) {
    body = list.error ? (
      <Result
        status="warning"
        title={t('tenants.loadError')}
        subTitle={actionErrorText(t, list.error)}
      />
    ) : (
      <Skeleton active paragraph={{ rows: 6 }} />
    );
  } else if (draft === null) {
    body = <Result status="info" title={t('onboarding.noParents')} />;
  } else if (step === 0) {
    body = (
      <BasicsStep
        t={t}
        draft={draft}
        parents={parents}
        onChange={(patch) =>
          setDraft((current) => {
            if (!current) return current;
            const next = { ...current, ...patch };
            if (patch.kind && patch.kind !== current.kind && !windowsTouched) {
              next.windows = suggestedWindows(patch.kind, {
                comprehensive: t('onboarding.suggestedComprehensive'),
                proxy: t('onboarding.suggestedProxy'),
              });
            }
            return next;
          })
        }
        onNext={() => setStep(1)}
      />
    );
  } else if (step === 1) {
    body = (
      <WindowsStep
        t={t}
        draft={draft}
        onChange={(windows) => {
          setWindowsTouched(true);
          setDraft((current) => (current ? { ...current, windows } : current));
        }}
        onBack={() => setStep(0)}
        onNext={() => setStep(2)}
      />
    );
  } else if (step === 2) {
    body = (
      <ManagerStep
        t={t}
        draft={draft}
        onChange={(manager) => setDraft((current) => (current ? { ...current, manager } : current))}
        onBack={() => setStep(1)}
        onNext={() => setStep(3)}
      />
    );
  } else if (step === 3) {
    body = (
      <PreviewStep
        t={t}
        draft={draft}
        onBack={() => setStep(2)}
        onDone={(tenant, link) => {
          setResult({ tenant, link });
          setStep(4);
        }}
      />
    );
  } else if (result) {
    body = (
      <DoneStep
        t={t}
        language={i18n.language}
        tenant={result.tenant}
        link={result.link}
        draft={draft}
        onAnother={restart}
      />
    );
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
          {t('onboarding.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('onboarding.subtitle')}</Typography.Text>
      </div>
      <Card>
        <Steps
          current={step}
          status={step === 4 ? 'finish' : 'process'}
          size="small"
          style={{ marginBottom: 28 }}
          onChange={(target) => {
            if (step < 4 && target < step) setStep(target);
          }}
          items={STEP_KEYS.map((key, index) => ({
            title: t(`onboarding.steps.${key}`),
            disabled: step === 4 || index >= step,
          }))}
          data-testid="onboarding-steps"
        />
        {body}
      </Card>
    </Space>
  );
}
