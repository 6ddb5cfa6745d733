import { Form, Input } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { problemRule } from '../../../shared/ui/form-rules';
import { displayNameProblems, usernameProblems } from '../rules/account-rules';

/**
 * A new account's username and name, checked as the API checks them; in an invitation and
 * for the first manager of a tenant being onboarded. The form's fields are `username` and
 * `displayName`.
 */
export function AccountFields({
  testIdPrefix,
  placeholders,
  inputStyle,
  displayNameMaxLength,
}: {
  testIdPrefix: string;
  placeholders?: { username: string; displayName: string };
  inputStyle?: CSSProperties;
  displayNameMaxLength?: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        label={t('staff.username')}
        name="username"
        extra={t('onboarding.usernameHelp')}
        rules={[problemRule(t, (value) => usernameProblems(value.trim()))]}
      >
        <Input
          autoComplete="off"
          placeholder={placeholders?.username}
          style={inputStyle}
          data-testid={`${testIdPrefix}-username`}
        />
      </Form.Item>
      <Form.Item
        label={t('staff.displayName')}
        name="displayName"
        rules={[problemRule(t, displayNameProblems)]}
      >
        <Input
          autoComplete="off"
          maxLength={displayNameMaxLength}
          placeholder={placeholders?.displayName}
          style={inputStyle}
          data-testid={`${testIdPrefix}-display-name`}
        />
      </Form.Item>
    </>
  );
}
