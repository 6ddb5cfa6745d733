import { Alert, type ButtonProps, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { actionErrorText } from '../i18n/describe';

/**
 * A dialog that does one thing on OK (invite, suspend, create a window…): why it was
 * refused, when it was, shows above the form.
 */
export function ActionDialog({
  title,
  okText,
  okButtonProps,
  running,
  error,
  onOk,
  onClose,
  lead,
  children,
}: {
  title: string;
  /** Default: 保存 / Save. */
  okText?: string;
  okButtonProps?: ButtonProps & { 'data-testid'?: string };
  running: boolean;
  error: unknown;
  onOk: () => void;
  onClose: () => void;
  /** Shown above the refusal (a hint on what the dialog does). */
  lead?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={running}
      okButtonProps={okButtonProps}
      onOk={onOk}
      onCancel={onClose}
    >
      {lead}
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={actionErrorText(t, error)}
        />
      )}
      {children}
    </Modal>
  );
}
