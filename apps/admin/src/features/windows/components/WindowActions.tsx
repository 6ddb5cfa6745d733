import { useMutation } from '@apollo/client/react';
import {
  DeleteOutlined,
  EditOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyError } from '../../../shared/api/errors';
import {
  DeleteServiceWindowDocument,
  DisableServiceWindowDocument,
  EnableServiceWindowDocument,
  type WindowSummaryFragment as ServiceWindow,
} from '../../../shared/api/graphql.generated';
import { ConfirmAction } from '../../../shared/ui/ConfirmAction';

/**
 * What a manager may do to a window: assign staff (`assign`), rename, disable or enable, and
 * delete — which the server refuses once applications were taken in at it (then: disable).
 */
export function WindowActions({
  window,
  assign,
  onRename,
  onCamera,
  onChanged,
}: {
  window: ServiceWindow;
  assign: ReactNode;
  onRename: () => void;
  /** 视频监控: set the window's camera link. */
  onCamera: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [disable] = useMutation(DisableServiceWindowDocument);
  const [enable] = useMutation(EnableServiceWindowDocument);
  const [remove] = useMutation(DeleteServiceWindowDocument);
  const variables = { input: { windowId: window.id } };
  const name = window.name;
  return (
    <Space size={0}>
      {assign}
      <Button
        size="small"
        type="link"
        icon={<EditOutlined />}
        onClick={onRename}
        aria-label={t('windows.rename')}
        title={t('windows.rename')}
        data-testid={`window-rename-${window.code}`}
      />
      <Button
        size="small"
        type="link"
        icon={<VideoCameraOutlined />}
        onClick={onCamera}
        aria-label={t('windows.camera')}
        title={window.cameraUrl ?? t('windows.camera')}
        data-testid={`window-camera-${window.code}`}
      />
      <ConfirmAction
        label={t(window.disabled ? 'windows.enable' : 'windows.disable')}
        confirm={t(window.disabled ? 'windows.enableConfirm' : 'windows.disableConfirm', { name })}
        success={t(window.disabled ? 'windows.enabled' : 'windows.disabled', { name })}
        run={() => (window.disabled ? enable({ variables }) : disable({ variables }))}
        onChanged={onChanged}
        icon={window.disabled ? <PlayCircleOutlined /> : <PauseCircleOutlined />}
        iconOnly
        testId={`window-${window.disabled ? 'enable' : 'disable'}-${window.code}`}
      />
      <ConfirmAction
        label={t('windows.delete')}
        confirm={t('windows.deleteConfirm', { name })}
        success={t('windows.deleted', { name })}
        run={() => remove({ variables })}
        onChanged={onChanged}
        // Refused while applications reference it: say so, and what to do instead.
        explain={(error) =>
          classifyError(error).kind === 'conflict' ? t('windows.deleteRefused', { name }) : null
        }
        icon={<DeleteOutlined />}
        iconOnly
        danger
        testId={`window-delete-${window.code}`}
      />
    </Space>
  );
}
