import {
  ApartmentOutlined,
  BankOutlined,
  FileTextOutlined,
  HomeOutlined,
  LogoutOutlined,
  PlusCircleOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Avatar, Button, Divider, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyError, type ErrorClass } from '../shared/api/errors';
import type { CurrentUser } from '../shared/viewer/viewer';
import { MeDocument } from '../shared/api/graphql.generated';
import { type MenuKey, mayOpen, menuKeysFor } from './menu';
import { navigate } from '../shared/navigation/navigation';
import type { Route } from '../shared/navigation/routes';
import { useSession } from '../features/auth/hooks/session-context';
import { roleLabel, sortRoles, tenantKindLabel, type Translate } from '../shared/i18n/labels';
import { ApplicationsPage } from '../features/applications/components/ApplicationsPage';
import { HomePage } from '../features/home/components/HomePage';
import { LanguageSwitch } from '../shared/ui/LanguageSwitch';
import { Logo } from '../shared/ui/Logo';
import { OnboardingPage } from '../features/onboarding/components/OnboardingPage';
import { TenantsPage } from '../features/tenants/components/TenantsPage';
import { WindowsStaffPage } from '../features/tenants/components/WindowsStaffPage';

const MENU_ICONS: Record<MenuKey, ReactNode> = {
  home: <HomeOutlined />,
  applications: <FileTextOutlined />,
  tenants: <ApartmentOutlined />,
  windows: <TeamOutlined />,
  onboarding: <PlusCircleOutlined />,
};

const MENU_ROUTES: Record<MenuKey, Route> = {
  home: { name: 'home' },
  applications: { name: 'applications' },
  tenants: { name: 'tenants', tenantId: null },
  windows: { name: 'windows', tenantId: null },
  onboarding: { name: 'onboarding', parentId: null },
};

function menuKeyOf(route: Route): MenuKey | null {
  switch (route.name) {
    case 'home':
    case 'applications':
    case 'tenants':
    case 'windows':
    case 'onboarding':
      return route.name;
    default:
      return null;
  }
}

function Screen({ route, user }: { route: Route; user: CurrentUser }) {
  const { t } = useTranslation();
  const backHome = (
    <Button type="primary" onClick={() => navigate({ name: 'home' })}>
      {t('shell.backHome')}
    </Button>
  );
  if (route.name === 'notFound') {
    return (
      <Result
        status="404"
        title={t('shell.notFoundTitle')}
        subTitle={t('shell.notFound')}
        extra={backHome}
      />
    );
  }
  if (!mayOpen(route.name, user)) {
    return (
      <Result
        status="403"
        title={t('shell.forbiddenTitle')}
        subTitle={t('shell.forbidden')}
        extra={backHome}
      />
    );
  }
  switch (route.name) {
    case 'applications':
      return <ApplicationsPage user={user} />;
    case 'tenants':
      return <TenantsPage user={user} tenantId={route.tenantId} />;
    case 'windows':
      return <WindowsStaffPage user={user} tenantId={route.tenantId} />;
    case 'onboarding':
      return <OnboardingPage key={route.parentId ?? ''} user={user} parentId={route.parentId} />;
    default:
      return <HomePage user={user} />;
  }
}

const HEADER_HEIGHT = 56;

function errorText(t: Translate, error: ErrorClass): string {
  return error.kind === 'unknown'
    ? t('errors.unknown', { message: error.message })
    : t(`errors.${error.kind}`);
}

function useLogout() {
  const session = useSession();
  const [loggingOut, setLoggingOut] = useState(false);
  const logout = async () => {
    setLoggingOut(true);
    try {
      await session.logout();
    } finally {
      setLoggingOut(false);
    }
  };
  return { logout, loggingOut };
}

function LogoutButton() {
  const { t } = useTranslation();
  const { logout, loggingOut } = useLogout();
  return (
    <Button icon={<LogoutOutlined />} loading={loggingOut} onClick={logout} data-testid="logout">
      {loggingOut ? t('shell.loggingOut') : t('shell.logout')}
    </Button>
  );
}

function Header({ user }: { user: CurrentUser }) {
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

function FullPage({ children }: { children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      {children}
    </div>
  );
}

export function Shell({ route }: { route: Route }) {
  const { t } = useTranslation();
  const { data, error, refetch, loading } = useQuery(MeDocument, {
    notifyOnNetworkStatusChange: true,
  });
  const { logout, loggingOut } = useLogout();

  if (!data) {
    if (error && !loading) {
      return (
        <FullPage>
          <div data-testid="shell-error">
            <Result
              status="warning"
              title={t('shell.loadError')}
              subTitle={errorText(t, classifyError(error))}
              extra={[
                <Button
                  key="retry"
                  type="primary"
                  onClick={() => void refetch().catch(() => undefined)}
                  data-testid="shell-retry"
                >
                  {t('shell.retry')}
                </Button>,
                <Button key="logout" loading={loggingOut} onClick={logout} data-testid="logout">
                  {t('shell.logout')}
                </Button>,
              ]}
            />
          </div>
        </FullPage>
      );
    }
    return (
      <FullPage>
        <Spin size="large" tip={t('shell.loading')}>
          <div style={{ width: 160, height: 80 }} />
        </Spin>
      </FullPage>
    );
  }

  const user = data.me;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header user={user} />
      <Layout>
        <Layout.Sider
          width={208}
          theme="light"
          breakpoint="lg"
          collapsedWidth={0}
          style={{ borderRight: '1px solid #e8ebf0' }}
        >
          <Menu
            mode="inline"
            selectedKeys={[menuKeyOf(route) ?? '']}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            items={menuKeysFor(user).map((key) => ({
              key,
              icon: MENU_ICONS[key],
              label: <span data-testid={`menu-${key}`}>{t(`shell.menu.${key}`)}</span>,
            }))}
            onClick={({ key }) => navigate(MENU_ROUTES[key as MenuKey])}
            data-testid="shell-menu"
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Screen route={route} user={user} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
