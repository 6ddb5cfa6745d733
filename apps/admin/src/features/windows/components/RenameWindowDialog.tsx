import { useMutation } from '@apollo/client/react';
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  RenameServiceWindowDocument,
  type WindowSummaryFragment as ServiceWindow,
} from '../../../shared/api/graphql.generated';
import { requiredTextProblems } from '../../../shared/rules/problem';
import { problemRule } from '../../../shared/ui/form-rules';
import { TextDialog } from '../../../shared/ui/TextDialog';
import { WINDOW_NAME_MAX } from '../rules/window-rules';

/** A window's new name (its code and kind stay; its applications keep it). */
export function RenameWindowDialog(props: {
  window: ServiceWindow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [rename] = useMutation(RenameServiceWindowDocument);
  return (
    <TextDialog
      title={t('windows.renameTitle', { name: props.window.name })}
      okTestId="window-rename-submit"
      label={t('windows.name')}
      initial={props.window.name}
      rules={[
        problemRule(t, (value) => requiredTextProblems(value, 'windowName', WINDOW_NAME_MAX)),
      ]}
      field={<Input maxLength={WINDOW_NAME_MAX} data-testid="window-rename-name" />}
      run={(name) => rename({ variables: { input: { windowId: props.window.id, name } } })}
      success={(name) => t('windows.renamed', { name })}
      onClose={props.onClose}
      onDone={props.onSaved}
    />
  );
}
