import { useMutation } from '@apollo/client/react';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CreateServiceWindowDocument,
  type WindowSummaryFragment as ServiceWindow,
} from '../../../shared/api/graphql.generated';
import { useDialogAction } from '../../../shared/ui/actions';
import { ActionDialog } from '../../../shared/ui/ActionDialog';
import { WINDOW_CODE_MAX, WINDOW_NAME_MAX, type WindowDraft } from '../rules/window-rules';
import { WindowKindSelect, windowRowRule } from './window-fields';

/** A new window in a hall: its code (unique in the hall), name and kind. */
export function CreateWindowDialog({
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
  const [form] = Form.useForm<WindowDraft>();
  const action = useDialogAction();
  const [create] = useMutation(CreateServiceWindowDocument);

  const submit = async (values: WindowDraft) => {
    const input = {
      tenantId: tenant.id,
      code: values.code.trim(),
      name: values.name.trim(),
      kind: values.kind,
    };
    if (await action.run(() => create({ variables: { input } }))) {
      void message.success(t('windows.created', { name: input.name }));
      onCreated();
      onClose();
    }
  };

  // The same row rules as the wizard, with the hall's existing codes counted as taken.
  const rows = () => {
    const draft = form.getFieldsValue();
    return [
      ...existing.map((w) => ({ code: w.code, name: w.name, kind: w.kind })),
      { code: draft.code ?? '', name: draft.name ?? '', kind: draft.kind },
    ];
  };

  return (
    <ActionDialog
      title={t('windows.createTitle', { tenant: tenant.name })}
      okButtonProps={{ 'data-testid': 'window-create-submit' }}
      running={action.running}
      error={action.error}
      onOk={() => form.submit()}
      onClose={onClose}
    >
      <Form<WindowDraft>
        form={form}
        layout="vertical"
        initialValues={{ code: '', name: '', kind: 'COMPREHENSIVE' }}
        onFinish={submit}
        requiredMark={false}
      >
        <Form.Item
          label={t('windows.code')}
          name="code"
          rules={[windowRowRule(t, rows, -1, 'code')]}
        >
          <Input maxLength={WINDOW_CODE_MAX} placeholder="C4" data-testid="window-code" />
        </Form.Item>
        <Form.Item
          label={t('windows.name')}
          name="name"
          rules={[windowRowRule(t, rows, -1, 'name')]}
        >
          <Input maxLength={WINDOW_NAME_MAX} data-testid="window-name" />
        </Form.Item>
        <Form.Item label={t('windows.kind')} name="kind">
          <WindowKindSelect t={t} />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}
