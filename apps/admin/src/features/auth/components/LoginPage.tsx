import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyLoginError, type LoginFailure } from '../../../shared/api/errors';
import { useSession } from '../hooks/session-context';
import { type Translate, waitLabel } from '../../../shared/i18n/labels';
import { LanguageSwitch } from '../../../shared/ui/LanguageSwitch';
import { Logo } from '../../../shared/ui/Logo';

interface Credentials {
  username: string;
  password: string;
}

function failureText(t: Translate, failure: LoginFailure, secondsLeft: number | null): string {
  switch (failure.kind) {
    case 'wrongCredentials':
      return t('login.errors.wrongCredentials');
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

/** Seconds left until `until` (epoch ms), ticking once a second; null without a deadline. */
function useCountdown(until: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return undefined;
    setNow(Date.now());
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= until) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return until === null ? null : Math.max(0, Math.ceil((until - now) / 1000));
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [form] = Form.useForm<Credentials>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<LoginFailure | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const [showExpired, setShowExpired] = useState(session.lastEndReason === 'expired');
  const secondsLeft = useCountdown(lockedUntil);
  const locked = secondsLeft !== null && secondsLeft > 0;

  const submit = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setFailure(null);
    setShowExpired(false);
    try {
      await session.login(username.trim(), password);
      // Signed in: the app switches to the shell.
    } catch (error) {
      const result = classifyLoginError(error);
      setFailure(result);
      setLockedUntil(
        result.kind === 'lockedOut' && result.retryAfterSeconds !== null
          ? Date.now() + result.retryAfterSeconds * 1000
          : null,
      );
      if (result.kind === 'wrongCredentials') form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  const lockOver = failure?.kind === 'lockedOut' && secondsLeft === 0;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(160deg, #eaf1fc 0%, #f6f8fb 55%, #fdf3f3 100%)',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: '16px 24px' }}>
        <LanguageSwitch />
      </div>
      <main
        style={{
          flex: 1,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          padding: '0 16px 48px',
        }}
      >
        <Card style={{ width: 400, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 24 }}>
            <Logo size={44} />
            <div>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('app.fullName')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
            </div>
          </div>
          <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="login-title">
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
            {t('login.subtitle')}
          </Typography.Paragraph>

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
            <Alert
              type={lockOver ? 'info' : 'error'}
              showIcon
              role="alert"
              style={{ marginBottom: 16 }}
              message={failureText(t, failure, secondsLeft)}
              data-testid="login-error"
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
            <Form.Item style={{ marginBottom: 0 }}>
              <Button
                type="primary"
                htmlType="submit"
                size="large"
                block
                loading={submitting}
                disabled={locked}
                data-testid="login-submit"
              >
                {submitting ? t('login.submitting') : t('login.submit')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      </main>
      <footer style={{ textAlign: 'center', padding: '0 0 24px', color: '#8c8c8c', fontSize: 12 }}>
        {t('app.copyright')}
      </footer>
    </div>
  );
}
