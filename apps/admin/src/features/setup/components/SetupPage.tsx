import { LockOutlined } from '@ant-design/icons';
import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
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
import { LanguageSwitch } from '../../../shared/ui/LanguageSwitch';
import { Logo } from '../../../shared/ui/Logo';

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
 * logs them in and the app continues in the shell.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const session = useSession();
  const client = useApolloClient();
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
      await client.clearStore().catch(() => undefined);
      // Signed in: leave the link (and its spent token) out of the address bar and history.
      navigate({ name: 'home' }, { replace: true });
    } catch (error) {
      setFailure(classifySetupError(error));
      setSubmitting(false);
    }
  };

  const final = failure !== null && isFinalSetupFailure(failure);
  const goLogin = () => navigate({ name: 'home' }, { replace: true });

  let content;
  if (!token || final) {
    content = (
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
    );
  } else {
    content = (
      <>
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="setup-title">
          {t('setup.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('setup.subtitle')}
        </Typography.Paragraph>
        {failure && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            message={failureText(t, failure)}
            data-testid="setup-error"
          />
        )}
        <Form<Passwords>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          disabled={submitting}
        >
          <Form.Item
            label={t('setup.password')}
            name="password"
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  const problem = passwordProblem(value ?? '');
                  if (problem) throw new Error(t(`setup.rules.${problem}`));
                },
              },
            ]}
          >
            <Input.Password
              size="large"
              prefix={<LockOutlined />}
              maxLength={PASSWORD_MAX_LENGTH}
              placeholder={t('setup.passwordPlaceholder')}
              autoComplete="new-password"
              autoFocus
              data-testid="setup-password"
            />
          </Form.Item>
          <Form.Item
            label={t('setup.confirm')}
            name="confirm"
            dependencies={['password']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  const problem = confirmationProblem(getFieldValue('password') ?? '', value ?? '');
                  if (problem) throw new Error(t(`setup.rules.${problem}`));
                },
              }),
            ]}
          >
            <Input.Password
              size="large"
              prefix={<LockOutlined />}
              maxLength={PASSWORD_MAX_LENGTH}
              placeholder={t('setup.confirmPlaceholder')}
              autoComplete="new-password"
              data-testid="setup-confirm"
            />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block
              loading={submitting}
              data-testid="setup-submit"
            >
              {submitting ? t('setup.submitting') : t('setup.submit')}
            </Button>
          </Form.Item>
        </Form>
      </>
    );
  }

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
        <Card style={{ width: 440, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 24 }}>
            <Logo size={44} />
            <div>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('app.fullName')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
            </div>
          </div>
          {content}
        </Card>
      </main>
      <footer style={{ textAlign: 'center', padding: '0 0 24px', color: '#8c8c8c', fontSize: 12 }}>
        {t('app.copyright')}
      </footer>
    </div>
  );
}
