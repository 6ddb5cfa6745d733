import { BankOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Divider, Grid, Layout, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../features/auth/hooks/useLogout';
import { roleLabel, sortRoles, tenantKindLabel } from '../shared/i18n/labels';
import { LanguageSwitch } from '../shared/ui/LanguageSwitch';
import { Logo } from '../shared/ui/Logo';
import type { CurrentUser } from '../shared/viewer/viewer';

export const HEADER_HEIGHT = 56;

function LogoutButton({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const { logout, loggingOut } = useLogout();
  const label = loggingOut ? t('shell.loggingOut') : t('shell.logout');
  return (
    <Button
      icon={<LogoutOutlined />}
      loading={loggingOut}
      onClick={logout}
      data-testid="logout"
      aria-label={label}
      title={label}
    >
      {compact ? null : label}
    </Button>
  );
}

/**
 * The product, the user's tenant, roles and name, the language, and logging out. On narrow
 * screens the side menu moves behind a button (`onOpenMenu`), and the product name, roles
 * and the user's name give way, so the language switch and logout always stay in sight.
 */
export function Header({ user, onOpenMenu }: { user: CurrentUser; onOpenMenu?: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const wide = screens.xl ?? true; // 1,200 px and more: everything
  const medium = screens.md ?? true; // 768 px and more
  return (
    <Layout.Header
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 10,
        height: HEADER_HEIGHT,
        lineHeight: `${HEADER_HEIGHT}px`,
        padding: medium ? '0 20px' : '0 12px',
        background: '#fff',
        borderBottom: '1px solid #e8ebf0',
        display: 'flex',
        alignItems: 'center',
        gap: medium ? 16 : 8,
      }}
    >
      {onOpenMenu && (
        <Button
          type="text"
          icon={<MenuOutlined />}
          onClick={onOpenMenu}
          aria-label={t('shell.openMenu')}
          data-testid="menu-open"
        />
      )}
      <div style={{ display: 'flex', alignItems: 'center', gap: 10, flex: 'none' }}>
        <Logo size={30} />
        {wide && (
          <Typography.Text strong style={{ fontSize: 17 }} data-testid="shell-product">
            {t('app.fullName')}
          </Typography.Text>
        )}
      </div>
      {wide && <Divider type="vertical" style={{ height: 24, margin: 0 }} />}
      <Space size={8} style={{ minWidth: 0, flex: '0 1 auto' }} aria-label={t('shell.tenant')}>
        <BankOutlined style={{ color: '#1f5fc8' }} />
        <Typography.Text
          strong
          style={{
            display: 'inline-block',
            maxWidth: medium ? 260 : 120,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
            verticalAlign: 'middle',
          }}
          data-testid="shell-tenant-name"
        >
          {user.tenant.name}
        </Typography.Text>
        {medium && (
          <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="shell-tenant-kind">
            {tenantKindLabel(t, user.tenant.kind)}
          </Tag>
        )}
      </Space>
      <div style={{ flex: 1 }} />
      {screens.lg !== false && (
        <Space size={4} wrap={false} aria-label={t('shell.roles')} data-testid="shell-roles">
          {sortRoles(user.roles).map((role) => (
            <Tag key={role} color="geekblue" style={{ marginInlineEnd: 0 }}>
              {roleLabel(t, role)}
            </Tag>
          ))}
        </Space>
      )}
      <Space
        size={8}
        style={{ flex: 'none' }}
        aria-label={t('shell.user')}
        title={user.displayName}
      >
        <Avatar size="small" style={{ background: '#1f5fc8' }} icon={<UserOutlined />} />
        {wide && (
          <Typography.Text data-testid="shell-user-name">{user.displayName}</Typography.Text>
        )}
      </Space>
      <LanguageSwitch compact={!medium} />
      <LogoutButton compact={!wide} />
    </Layout.Header>
  );
}
