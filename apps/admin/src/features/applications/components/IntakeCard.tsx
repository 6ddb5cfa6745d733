import { CheckCircleFilled, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  Row,
  Select,
  Skeleton,
  TreeSelect,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ApplicationRowFragment as Application,
  IntakeWindowsDocument,
  SubmitApplicationDocument,
  type TenantSummaryFragment as TenantSummary,
} from '../../../shared/api/graphql.generated';
import { type CurrentUser, seesSubtree } from '../../../shared/viewer/viewer';
import {
  APPLICANT_NAME_MAX,
  applicantNameProblems,
  idNumberProblems,
  intakeInput,
  ITEM_CODE_MAX,
  ITEM_NAME_MAX,
  itemCodeProblems,
  itemNameProblems,
  type IntakeDraft,
  phoneProblems,
  type Problem,
  serverIntakeProblems,
} from '../rules/applicant-rules';
import { intakeAvailability, intakeWindows } from '../rules/intake-windows';
import { actionErrorText, problemText } from '../../../shared/i18n/describe';
import { buildTenantTree, type TenantTreeNode } from '../../tenants/rules/tenant-tree';
import { useTenantList } from '../../tenants/hooks/useTenantList';

interface IntakeValues {
  windowId?: string;
  itemCode: string;
  itemName: string;
  applicantName: string;
  idNumber: string;
  phone: string;
}

const EMPTY: IntakeValues = {
  windowId: undefined,
  itemCode: '',
  itemName: '',
  applicantName: '',
  idNumber: '',
  phone: '',
};

/** The client's own check of each field, to say a server's refusal in the interface language. */
const FIELD_CHECKS: Partial<Record<keyof IntakeDraft, (value: string) => Problem[]>> = {
  itemCode: itemCodeProblems,
  itemName: itemNameProblems,
  applicantName: applicantNameProblems,
  idNumber: (value) => idNumberProblems(value),
  phone: phoneProblems,
};

interface PickerNode {
  value: string;
  title: string;
  children: PickerNode[];
}

function pickerData(nodes: TenantTreeNode<TenantSummary>[]): PickerNode[] {
  return nodes.map(({ tenant, children }) => ({
    value: tenant.id,
    title: tenant.name,
    children: pickerData(children),
  }));
}

/** The tenant to take the application in for (those who see the tenants below). */
function TenantField({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const list = useTenantList();
  const data = useMemo(() => pickerData(buildTenantTree(list.tenants ?? [])), [list.tenants]);
  return (
    <Form.Item label={t('intake.tenant')} required>
      <TreeSelect
        value={list.tenants ? value : undefined}
        loading={list.loading}
        treeData={data}
        treeDefaultExpandAll
        showSearch
        treeNodeFilterProp="title"
        onChange={(id: string) => onChange(id)}
        data-testid="intake-tenant"
      />
    </Form.Item>
  );
}

/** The receipt of the application just taken in: its number, large, to give the applicant. */
function Receipt({ application, onClose }: { application: Application; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      closable
      onClose={onClose}
      style={{ marginBottom: 20 }}
      icon={<CheckCircleFilled />}
      showIcon
      data-testid="intake-receipt"
      message={<Typography.Text strong>{t('intake.doneTitle')}</Typography.Text>}
      description={
        <div>
          <div style={{ display: 'flex', alignItems: 'baseline', gap: 12, flexWrap: 'wrap' }}>
            <Typography.Text type="secondary">{t('intake.receiptLabel')}</Typography.Text>
            <Typography.Text
              strong
              copyable={{ text: application.receiptNumber }}
              style={{
                fontSize: 26,
                letterSpacing: 1,
                fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
              }}
              data-testid="intake-receipt-number"
            >
              {application.receiptNumber}
            </Typography.Text>
          </div>
          <div>
            {t('intake.doneDetail', {
              applicant: application.applicant.name,
              item: application.itemName,
              window: application.windowName,
            })}
          </div>
          <Typography.Text type="secondary">{t('intake.receiptHint')}</Typography.Text>
        </div>
      }
    />
  );
}

/** 收件: take in an application at one of the windows the person may use. */
export function IntakeCard({
  user,
  onSubmitted,
}: {
  user: CurrentUser;
  onSubmitted: (application: Application) => void;
}) {
  const { t } = useTranslation();
  // Center managers take applications in anywhere in their subtree: first the tenant.
  const picksTenant = seesSubtree(user);
  const [tenantId, setTenantId] = useState(user.tenant.id);
  const [form] = Form.useForm<IntakeValues>();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Application | null>(null);
  const [submit, { loading: submitting }] = useMutation(SubmitApplicationDocument);
  const windowsQuery = useQuery(IntakeWindowsDocument, {
    variables: { tenantId },
    fetchPolicy: 'cache-and-network',
  });
  const tenantWindows = windowsQuery.data?.tenant;
  const hall = tenantWindows && tenantWindows.id === tenantId ? tenantWindows : null;
  const windows = useMemo(() => (hall ? intakeWindows(hall.serviceWindows) : null), [hall]);
  const availability = hall ? intakeAvailability(hall.serviceWindows, picksTenant) : null;

  // The only usable window is chosen in advance; a window of another tenant is let go.
  useEffect(() => {
    if (!windows || availability === 'notAssigned') return; // no form shown
    const chosen = form.getFieldValue('windowId') as string | undefined;
    if (chosen && !windows.some((w) => w.id === chosen)) form.setFieldValue('windowId', undefined);
    if (!form.getFieldValue('windowId') && windows.length === 1) {
      form.setFieldValue('windowId', windows[0].id);
    }
  }, [windows, form, availability]);

  const rule = (check: (value: string) => Problem[]) => ({
    validator: async (_: unknown, value: string | undefined) => {
      const problem = check(value ?? '')[0];
      if (problem) throw new Error(problemText(t, problem));
    },
  });

  const finish = async (values: IntakeValues) => {
    setError(null);
    setDone(null);
    try {
      const result = await submit({ variables: { input: intakeInput(values) } });
      const application = result.data?.submitApplication;
      if (!application) return;
      setDone(application);
      onSubmitted(application);
      form.resetFields(['itemCode', 'itemName', 'applicantName', 'idNumber', 'phone']);
    } catch (caught) {
      setError(caught);
      // A refusal naming fields: shown at the fields too.
      form.setFields(
        serverIntakeProblems(caught).map(({ field, message, problem }) => {
          const known = problem ?? FIELD_CHECKS[field]?.(String(values[field] ?? ''))[0];
          return { name: field, errors: [known ? problemText(t, known) : message] };
        }),
      );
    }
  };

  let body;
  if (!windows) {
    body = windowsQuery.error ? (
      <Alert
        type="warning"
        showIcon
        message={t('intake.windowsLoadError')}
        description={actionErrorText(t, windowsQuery.error)}
        action={
          <Button size="small" onClick={() => void windowsQuery.refetch().catch(() => undefined)}>
            {t('common.retry')}
          </Button>
        }
      />
    ) : (
      <Skeleton active paragraph={{ rows: 3 }} />
    );
  } else if (availability === 'notAssigned') {
    body = (
      <Alert
        type="info"
        showIcon
        message={t('intake.noAssignedWindow')}
        data-testid="intake-no-window"
      />
    );
  } else {
    body = (
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        initialValues={EMPTY}
        onFinish={finish}
        requiredMark
        disabled={windows.length === 0}
        data-testid="intake-form"
      >
        {windows.length === 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('intake.noWindows')}
          />
        )}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('intake.window')}
              name="windowId"
              rules={[{ required: true, message: problemText(t, { key: 'windowRequired' }) }]}
            >
              <Select
                placeholder={t('intake.windowPlaceholder')}
                options={windows.map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
                showSearch
                optionFilterProp="label"
                data-testid="intake-window"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('intake.itemCode')}
              name="itemCode"
              required
              rules={[rule(itemCodeProblems)]}
            >
              <Input
                maxLength={ITEM_CODE_MAX}
                placeholder={t('intake.itemCodePlaceholder')}
                data-testid="intake-item-code"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('intake.itemName')}
              name="itemName"
              required
              rules={[rule(itemNameProblems)]}
            >
              <Input
                maxLength={ITEM_NAME_MAX}
                placeholder={t('intake.itemNamePlaceholder')}
                data-testid="intake-item-name"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('intake.applicantName')}
              name="applicantName"
              required
              rules={[rule(applicantNameProblems)]}
            >
              <Input
                maxLength={APPLICANT_NAME_MAX}
                placeholder={t('intake.applicantNamePlaceholder')}
                autoComplete="off"
                data-testid="intake-applicant-name"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('intake.idNumber')}
              name="idNumber"
              validateTrigger="onBlur"
              rules={[rule((value) => idNumberProblems(value))]}
            >
              <Input
                maxLength={22}
                placeholder={t('intake.idNumberPlaceholder')}
                autoComplete="off"
                data-testid="intake-id-number"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('intake.phone')}
              name="phone"
              validateTrigger="onBlur"
              rules={[rule(phoneProblems)]}
            >
              <Input
                maxLength={20}
                placeholder={t('intake.phonePlaceholder')}
                autoComplete="off"
                data-testid="intake-phone"
              />
            </Form.Item>
          </Col>
        </Row>
        {error !== null && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('intake.failed')}
            description={actionErrorText(t, error)}
            data-testid="intake-error"
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          icon={<InboxOutlined />}
          loading={submitting}
          data-testid="intake-submit"
        >
          {t('intake.submit')}
        </Button>
      </Form>
    );
  }

  return (
    <Card
      title={t('intake.title')}
      extra={<Typography.Text type="secondary">{t('intake.hint')}</Typography.Text>}
      data-testid="intake-card"
    >
      {done && <Receipt application={done} onClose={() => setDone(null)} />}
      {picksTenant && (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form layout="vertical" component="div">
              <TenantField value={tenantId} onChange={setTenantId} />
            </Form>
          </Col>
        </Row>
      )}
      {body}
    </Card>
  );
}
