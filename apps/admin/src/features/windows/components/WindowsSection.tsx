import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AssignStaffToWindowDocument,
  CreateServiceWindowDocument,
  type ServiceWindowKind,
  type StaffMemberSummaryFragment as StaffMember,
  UnassignStaffFromWindowDocument,
  type WindowSummaryFragment as ServiceWindow,
} from '../../../shared/api/graphql.generated';
import { actionErrorText, problemText } from '../../../shared/i18n/describe';
import { WINDOW_KINDS, windowKindLabel } from '../../../shared/i18n/labels';
import { WINDOW_CODE_MAX, WINDOW_NAME_MAX, windowProblems } from '../rules/window-rules';
import { WindowKindTag } from '../../../shared/ui/tags';

interface NewWindow {
  code: string;
  name: string;
  kind: ServiceWindowKind;
}

function CreateWindowDialog({
  tenant,
  existing,
  onClose,
  onCreated,
}: {
  tenant: { id: string; name: string };
  existing: ServiceWindow[];
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewWindow>();
  const [error, setError] = useState<unknown>(null);
  const [create, { loading }] = useMutation(CreateServiceWindowDocument);

  const submit = async (values: NewWindow) => {
    setError(null);
    try {
      await create({
        variables: {
          input: {
            tenantId: tenant.id,
            code: values.code.trim(),
            name: values.name.trim(),
            kind: values.kind,
          },
        },
      });
      void message.success(t('windows.created', { name: values.name.trim() }));
      onCreated();
      onClose();
    } catch (caught) {
      setError(caught);
    }
  };

  // The same row rules as the wizard, with the hall's existing codes counted as taken.
  const rowProblem = (field: 'code' | 'name') => ({
    validator: async () => {
      const draft = form.getFieldsValue();
      const rows = [
        ...existing.map((w) => ({ code: w.code, name: w.name, kind: w.kind })),
        { code: draft.code ?? '', name: draft.name ?? '', kind: draft.kind },
      ];
      const problem = windowProblems(rows).at(-1)?.[field];
      if (problem) throw new Error(problemText(t, problem));
    },
  });

  return (
    <Modal
      open
      title={t('windows.createTitle', { tenant: tenant.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'window-create-submit' }}
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={actionErrorText(t, error)}
        />
      )}
      <Form<NewWindow>
        form={form}
        layout="vertical"
        initialValues={{ code: '', name: '', kind: 'COMPREHENSIVE' }}
        onFinish={submit}
        requiredMark={false}
      >
        <Form.Item label={t('windows.code')} name="code" rules={[rowProblem('code')]}>
          <Input maxLength={WINDOW_CODE_MAX} placeholder="C4" data-testid="window-code" />
        </Form.Item>
        <Form.Item label={t('windows.name')} name="name" rules={[rowProblem('name')]}>
          <Input maxLength={WINDOW_NAME_MAX} data-testid="window-name" />
        </Form.Item>
        <Form.Item label={t('windows.kind')} name="kind">
          <Select
            options={WINDOW_KINDS.map((kind) => ({
              value: kind,
              label: windowKindLabel(t, kind),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AssignDialog({
  window,
  staff,
  onClose,
  onSaved,
}: {
  window: ServiceWindow;
  staff: StaffMember[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string[]>(window.staffIds);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [assign] = useMutation(AssignStaffToWindowDocument);
  const [unassign] = useMutation(UnassignStaffFromWindowDocument);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      for (const userId of chosen.filter((id) => !window.staffIds.includes(id))) {
        await assign({ variables: { input: { windowId: window.id, userId } } });
      }
      for (const userId of window.staffIds.filter((id) => !chosen.includes(id))) {
        await unassign({ variables: { input: { windowId: window.id, userId } } });
      }
      void message.success(t('windows.assigned', { name: window.name }));
      onSaved();
      onClose();
    } catch (caught) {
      setError(caught);
      onSaved(); // some changes may have gone through
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('windows.assignTitle', { name: window.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={actionErrorText(t, error)}
        />
      )}
      <Typography.Paragraph type="secondary">{t('windows.assignHint')}</Typography.Paragraph>
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        value={chosen}
        onChange={setChosen}
        notFoundContent={t('windows.assignNobody')}
        optionFilterProp="label"
        options={staff
          .filter((member) => member.status !== 'DISABLED' || chosen.includes(member.userId))
          .map((member) => ({
            value: member.userId,
            label: `${member.displayName} (${member.username})`,
          }))}
      />
    </Modal>
  );
}

/** The windows of a hall: table, and for managers a create form and staff assignment. */
export function WindowsSection({
  tenant,
  windows,
  staff,
  canManage,
  onChanged,
}: {
  tenant: { id: string; name: string };
  windows: ServiceWindow[];
  /** Undefined when the user's role cannot read the staff list. */
  staff: StaffMember[] | undefined;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [assigning, setAssigning] = useState<ServiceWindow | null>(null);
  const staffById = new Map((staff ?? []).map((member) => [member.userId, member]));

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="windows-section">
      {canManage && (
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="window-create"
          >
            {t('windows.create')}
          </Button>
        </div>
      )}
      <Table<ServiceWindow>
        size="middle"
        scroll={{ x: 'max-content' }}
        rowKey="id"
        dataSource={windows}
        pagination={windows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description={t('windows.empty')} /> }}
        data-testid="windows-table"
        columns={[
          {
            title: t('windows.code'),
            dataIndex: 'code',
            width: 100,
            render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
          },
          { title: t('windows.name'), dataIndex: 'name' },
          {
            title: t('windows.kind'),
            dataIndex: 'kind',
            width: 150,
            render: (kind: string) => <WindowKindTag kind={kind} />,
          },
          {
            title: t('windows.staff'),
            dataIndex: 'staffIds',
            render: (ids: string[]) => {
              if (ids.length === 0)
                return (
                  <Typography.Text type="secondary">{t('windows.unassigned')}</Typography.Text>
                );
              if (!staff) return t('windows.staffCount', { count: ids.length });
              return ids.map((id) => (
                <Tag key={id} style={{ marginBlock: 2 }}>
                  {staffById.get(id)?.displayName ?? id}
                </Tag>
              ));
            },
          },
          ...(canManage && staff
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, window: ServiceWindow) => (
                    <Button
                      size="small"
                      type="link"
                      icon={<TeamOutlined />}
                      onClick={() => setAssigning(window)}
                    >
                      {t('windows.assign')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {creating && (
        <CreateWindowDialog
          tenant={tenant}
          existing={windows}
          onClose={() => setCreating(false)}
          onCreated={onChanged}
        />
      )}
      {assigning && staff && (
        <AssignDialog
          window={assigning}
          staff={staff}
          onClose={() => setAssigning(null)}
          onSaved={onChanged}
        />
      )}
    </Space>
  );
}
