import { BankOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Divider, Layout, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../features/auth/hooks/useLogout';
import { roleLabel, sortRoles, tenantKindLabel } from '../shared/i18n/labels';
import { LanguageSwitch } from '../shared/ui/LanguageSwitch';
import { Logo } from '../shared/ui/Logo';
import type { CurrentUser } from '../shared/viewer/viewer';

const HEADER_HEIGHT = 56;

function LogoutButton() {
  const { t } = useTranslation();
  const { logout, loggingOut } = useLogout();
  return (
    <Button icon={<LogoutOutlined />} loading={loggingOut} onClick={logout} data-testid="logout">
      {loggingOut ? t('shell.loggingOut') : t('shell.logout')}
    </Button>
  );
}

/** The product, the user's tenant, roles and name, the language, and logging out. */
export function Header({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  return (
    <Layout.Header
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 10,
        height: HEADER_HEIGHT,
        lineHeight: `${HEADER_HEIGHT}px`,
        padding: '0 20px',
        background: '#fff',
        borderBottom: '1px solid #e8ebf0',
        display: 'flex',
        alignItems: 'center',
        gap: 16,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 10, flex: 'none' }}>
        <Logo size={30} />
        <Typography.Text strong style={{ fontSize: 17 }} data-testid="shell-product">
          {t('app.fullName')}
        </Typography.Text>
      </div>
      <Divider type="vertical" style={{ height: 24, margin: 0 }} />
      <Space size={8} style={{ minWidth: 0, flex: 'none' }} aria-label={t('shell.tenant')}>
        <BankOutlined style={{ color: '#1f5fc8' }} />
        <Typography.Text strong data-testid="shell-tenant-name">
          {user.tenant.name}
        </Typography.Text>
        <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="shell-tenant-kind">
          {tenantKindLabel(t, user.tenant.kind)}
        </Tag>
      </Space>
      <div style={{ flex: 1 }} />
      <Space size={4} wrap={false} aria-label={t('shell.roles')} data-testid="shell-roles">
        {sortRoles(user.roles).map((role) => (
          <Tag key={role} color="geekblue" style={{ marginInlineEnd: 0 }}>
            {roleLabel(t, role)}
          </Tag>
        ))}
      </Space>
      <Space size={8} style={{ flex: 'none' }} aria-label={t('shell.user')}>
        <Avatar size="small" style={{ background: '#1f5fc8' }} icon={<UserOutlined />} />
        <Typography.Text data-testid="shell-user-name">{user.displayName}</Typography.Text>
      </Space>
      <LanguageSwitch />
      <LogoutButton />
    </Layout.Header>
  );
}
