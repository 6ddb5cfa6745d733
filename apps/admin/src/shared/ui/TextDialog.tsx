import { App, type FormItemProps, Form } from 'antd';
import type { ReactNode } from 'react';
import { useDialogAction } from './actions';
import { ActionDialog } from './ActionDialog';

/**
 * A dialog asking for one text (a new name, a reason) and doing one thing with it: `run`
 * gets the trimmed text; on success `success(text)` is said, then `onDone` and close.
 */
export function TextDialog({
  title,
  okText,
  danger,
  okTestId,
  lead,
  label,
  initial = '',
  rules,
  field,
  run,
  success,
  onClose,
  onDone,
}: {
  title: string;
  okText?: string;
  danger?: boolean;
  okTestId: string;
  lead?: ReactNode;
  label: string;
  initial?: string;
  rules: FormItemProps['rules'];
  /** The input (Input, TextArea), its value and onChange given by the form. */
  field: ReactNode;
  run: (text: string) => Promise<unknown>;
  success: (text: string) => string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const action = useDialogAction();
  const submit = async ({ text }: { text: string }) => {
    const value = text.trim();
    if (await action.run(() => run(value))) {
      void message.success(success(value));
      onDone();
      onClose();
    }
  };
  return (
    <ActionDialog
      title={title}
      okText={okText}
      okButtonProps={{ danger, 'data-testid': okTestId }}
      running={action.running}
      error={action.error}
      onOk={() => form.submit()}
      onClose={onClose}
      lead={lead}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ text: initial }}
        onFinish={submit}
      >
        <Form.Item label={label} name="text" rules={rules}>
          {field}
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}
