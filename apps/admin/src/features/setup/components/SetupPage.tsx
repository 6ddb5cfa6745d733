import { LockOutlined } from '@ant-design/icons';
import { Button, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../shared/navigation/navigation';
import { useSession } from '../../auth/hooks/session-context';
import {
  classifySetupError,
  confirmationProblem,
  isFinalSetupFailure,
  PASSWORD_MAX_LENGTH,
  passwordProblem,
  type SetupFailure,
  tokenFromHash,
} from '../rules/setup-link';
import { AuthFailure, AuthLayout, AuthSubmit } from '../../../shared/ui/AuthLayout';

interface Passwords {
  password: string;
  confirm: string;
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

function failureText(t: Translate, failure: SetupFailure): string {
  return failure.kind === 'unknown'
    ? t('setup.errors.unknown', { message: failure.message })
    : t(`setup.errors.${failure.kind}`);
}

/**
 * Completing an invitation: `/setup#<token>`. The person chooses a password; the server
 * logs them in and the app continues in the shell (a session open before ends first, and
 * with it the cached data of the person who had it).
 */
export function SetupPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [form] = Form.useForm<Passwords>();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<SetupFailure | null>(null);

  const submit = async ({ password }: Passwords) => {
    if (!token) return;
    setSubmitting(true);
    setFailure(null);
    try {
      await session.completeSetup(token, password);
      // Signed in: leave the link (and its spent token) out of the address bar and history.
      navigate({ name: 'home' }, { replace: true });
    } catch (error) {
      setFailure(classifySetupError(error));
      setSubmitting(false);
    }
  };

  const final = failure !== null && isFinalSetupFailure(failure);
  const goLogin = () => navigate({ name: 'home' }, { replace: true });

  if (!token || final) {
    return (
      <AuthLayout width={440}>
        <Result
          status={
            failure?.kind === 'usedLink' || failure?.kind === 'alreadySetUp' ? 'info' : 'warning'
          }
          title={<span data-testid="setup-title">{t('setup.linkProblemTitle')}</span>}
          subTitle={
            <span data-testid="setup-error" role="alert">
              {failure ? failureText(t, failure) : t('setup.noToken')}
            </span>
          }
          extra={
            <Button type="primary" onClick={goLogin} data-testid="setup-go-login">
              {t('setup.goLogin')}
            </Button>
          }
        />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      width={440}
      title={t('setup.title')}
      subtitle={t('setup.subtitle')}
      titleTestId="setup-title"
    >
      {failure && <AuthFailure message={failureText(t, failure)} testId="setup-error" />}
      <Form<Passwords>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        disabled={submitting}
      >
        <PasswordItem
          name="password"
          check={(_, value) => passwordProblem(value)}
          autoFocus
          testId="setup-password"
        />
        <PasswordItem
          name="confirm"
          dependencies={['password']}
          check={(values, value) => confirmationProblem(values.password ?? '', value)}
          testId="setup-confirm"
        />
        <AuthSubmit
          submitting={submitting}
          label={t('setup.submit')}
          submittingLabel={t('setup.submitting')}
          testId="setup-submit"
        />
      </Form>
    </AuthLayout>
  );
}

/** A new-password field, its rule (setup.rules.<problem>) checked as the person types. */
function PasswordItem({
  name,
  dependencies,
  check,
  autoFocus,
  testId,
}: {
  name: keyof Passwords;
  dependencies?: (keyof Passwords)[];
  check: (values: Partial<Passwords>, value: string) => string | null;
  autoFocus?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={t(`setup.${name}`)}
      name={name}
      dependencies={dependencies}
      rules={[
        ({ getFieldsValue }) => ({
          validator: async (_, value: string | undefined) => {
            const problem = check(getFieldsValue(), value ?? '');
            if (problem) throw new Error(t(`setup.rules.${problem}`));
          },
        }),
      ]}
    >
      <Input.Password
        size="large"
        prefix={<LockOutlined />}
        maxLength={PASSWORD_MAX_LENGTH}
        placeholder={t(`setup.${name}Placeholder`)}
        autoComplete="new-password"
        autoFocus={autoFocus}
        data-testid={testId}
      />
    </Form.Item>
  );
}
