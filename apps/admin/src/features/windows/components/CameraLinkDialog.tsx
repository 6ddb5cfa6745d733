import { useMutation } from '@apollo/client/react';
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  SetServiceWindowCameraDocument,
  type WindowSummaryFragment as ServiceWindow,
} from '../../../shared/api/graphql.generated';
import { TextDialog } from '../../../shared/ui/TextDialog';

/**
 * 视频监控: the address of the window's camera in the video system (supervisors open it beside
 * the window's cases); empty clears it. The server refuses anything but http(s) or rtsp(s) and
 * any address carrying a user name or password.
 */
export function CameraLinkDialog(props: {
  window: ServiceWindow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [save] = useMutation(SetServiceWindowCameraDocument);
  return (
    <TextDialog
      title={t('windows.cameraTitle', { name: props.window.name })}
      okTestId="window-camera-submit"
      lead={t('windows.cameraHint')}
      label={t('windows.camera')}
      initial={props.window.cameraUrl ?? ''}
      rules={[{ max: 500 }]}
      field={
        <Input maxLength={500} placeholder="rtsp://… / https://…" data-testid="window-camera-url" />
      }
      run={(cameraUrl) =>
        save({ variables: { input: { windowId: props.window.id, cameraUrl: cameraUrl || null } } })
      }
      success={(cameraUrl) => (cameraUrl ? t('windows.cameraSaved') : t('windows.cameraCleared'))}
      onClose={props.onClose}
      onDone={props.onSaved}
    />
  );
}
