import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyLoginError, type LoginFailure } from '../../../shared/api/errors';
import { useSession } from '../hooks/session-context';
import { type Translate, waitLabel } from '../../../shared/i18n/labels';
import { AuthFailure, AuthLayout, AuthSubmit } from '../../../shared/ui/AuthLayout';
import { useCountdown } from '../hooks/useCountdown';

/** From how many attempts left the login page warns of the coming lock-out. */
const WARN_BELOW = 3;

/** Lock-outs are per username: another username may still sign in meanwhile. */
const accountKey = (username: string | undefined) => (username ?? '').trim().toLowerCase();

interface Credentials {
  username: string;
  password: string;
}

function failureText(t: Translate, failure: LoginFailure, secondsLeft: number | null): string {
  switch (failure.kind) {
    case 'wrongCredentials':
      // Warn while few attempts are left (the server counts per username).
      if (failure.remainingAttempts === 0) return t('login.errors.attemptsUsedUp');
      if (failure.remainingAttempts !== null && failure.remainingAttempts <= WARN_BELOW) {
        return t('login.errors.attemptsLeft', { count: failure.remainingAttempts });
      }
      return t('login.errors.wrongCredentials');
    case 'tenantSuspended':
      return t('login.errors.tenantSuspended');
    case 'accountDisabled':
      return t('login.errors.accountDisabled');
    case 'forbidden':
      return t('login.errors.forbidden');
    case 'lockedOut':
      if (secondsLeft === null) return t('login.errors.lockedOutNoWait');
      if (secondsLeft <= 0) return t('login.errors.lockedOutOver');
      return t('login.errors.lockedOut', { wait: waitLabel(t, secondsLeft) });
    case 'unreachable':
      return t('login.errors.unreachable');
    case 'unavailable':
      return t('login.errors.unavailable');
    case 'invalidInput':
      return t('login.errors.invalidInput');
    case 'unknown':
      return t('login.errors.unknown', { message: failure.message });
  }
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [form] = Form.useForm<Credentials>();
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState<{ username: string; failure: LoginFailure } | null>(null);
  const [lockedUntil, setLockedUntil] = useState<Record<string, number>>({});
  const [showExpired, setShowExpired] = useState(session.lastEndReason === 'expired');
  const username = accountKey(Form.useWatch('username', form));
  const secondsLeft = useCountdown(lockedUntil[username] ?? null);
  const locked = secondsLeft !== null && secondsLeft > 0;
  // What went wrong, as long as it concerns the username in the field now.
  const failure = attempt && attempt.username === username ? attempt.failure : null;

  const submit = async (credentials: Credentials) => {
    const key = accountKey(credentials.username);
    setSubmitting(true);
    setAttempt(null);
    setShowExpired(false);
    try {
      await session.login(credentials.username.trim(), credentials.password);
      // Signed in: the app switches to the shell.
    } catch (error) {
      const result = classifyLoginError(error);
      setAttempt({ username: key, failure: result });
      if (result.kind === 'lockedOut' && result.retryAfterSeconds !== null) {
        const until = Date.now() + result.retryAfterSeconds * 1000;
        setLockedUntil((current) => ({ ...current, [key]: until }));
      }
      if (result.kind === 'wrongCredentials') form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  const lockOver = failure?.kind === 'lockedOut' && secondsLeft === 0;

  return (
    <AuthLayout
      width={400}
      title={t('login.title')}
      subtitle={t('login.subtitle')}
      titleTestId="login-title"
    >
      {showExpired && !failure && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('login.sessionExpired')}
          data-testid="login-notice"
        />
      )}
      {failure && (
        <AuthFailure
          type={lockOver ? 'info' : 'error'}
          message={failureText(t, failure, secondsLeft)}
          testId="login-error"
        />
      )}

      <Form<Credentials>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        disabled={submitting}
      >
        <Form.Item
          label={t('login.username')}
          name="username"
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input
            size="large"
            prefix={<UserOutlined />}
            placeholder={t('login.usernamePlaceholder')}
            autoComplete="username"
            autoFocus
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item
          label={t('login.password')}
          name="password"
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password
            size="large"
            prefix={<LockOutlined />}
            placeholder={t('login.passwordPlaceholder')}
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Form.Item>
        <AuthSubmit
          submitting={submitting}
          disabled={locked}
          label={t('login.submit')}
          submittingLabel={t('login.submitting')}
          testId="login-submit"
        />
      </Form>
    </AuthLayout>
  );
}
