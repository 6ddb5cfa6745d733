import {
  AlertOutlined,
  BarChartOutlined,
  ApartmentOutlined,
  BellOutlined,
  BookOutlined,
  BranchesOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CommentOutlined,
  DislikeOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  FileTextOutlined,
  HomeOutlined,
  PlusCircleOutlined,
  ShopOutlined,
  StarOutlined,
  TableOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Drawer, Grid, Layout, Menu, Result, Spin } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../features/auth/hooks/useLogout';
import { classifyError, type ErrorClass } from '../shared/api/errors';
import { MeDocument } from '../shared/api/graphql.generated';
import type { Translate } from '../shared/i18n/labels';
import { navigate } from '../shared/navigation/navigation';
import type { Route } from '../shared/navigation/routes';
import { Header } from './Header';
import { type MenuKey, menuKeyOf, menuKeysFor, menuRoute } from './menu';
import type { CurrentUser } from '../shared/viewer/viewer';
import { Screen } from './Screen';

const MENU_ICONS: Record<MenuKey, ReactNode> = {
  home: <HomeOutlined />,
  workQueue: <CarryOutOutlined />,
  applications: <FileTextOutlined />,
  consultations: <CommentOutlined />,
  rectification: <DislikeOutlined />,
  evaluationDevices: <StarOutlined />,
  tenants: <ApartmentOutlined />,
  windows: <ShopOutlined />,
  staff: <TeamOutlined />,
  onboarding: <PlusCircleOutlined />,
  villageSheet: <TableOutlined />,
  catalogue: <BookOutlined />,
  implementation: <UnorderedListOutlined />,
  rollouts: <BranchesOutlined />,
  calendar: <CalendarOutlined />,
  supervision: <AlertOutlined />,
  inbox: <BellOutlined />,
  complaints: <ExclamationCircleOutlined />,
  attendance: <ClockCircleOutlined />,
  insights: <BarChartOutlined />,
};

/** The side menu: the screens the user may open. */
function SideMenu(props: { user: CurrentUser; route: Route; onNavigate?: () => void }) {
  const { user, route, onNavigate } = props;
  const { t } = useTranslation();
  return (
    <Menu
      mode="inline"
      selectedKeys={[menuKeyOf(route) ?? '']}
      style={{ borderInlineEnd: 'none', paddingTop: 8 }}
      items={menuKeysFor(user).map((key) => ({
        key,
        icon: MENU_ICONS[key],
        label: <span data-testid={`menu-${key}`}>{t(`shell.menu.${key}`)}</span>,
      }))}
      onClick={({ key }) => {
        navigate(menuRoute(key as MenuKey));
        onNavigate?.();
      }}
      data-testid="shell-menu"
    />
  );
}

function errorText(t: Translate, error: ErrorClass): string {
  return error.kind === 'unknown'
    ? t('errors.unknown', { message: error.message })
    : t(`errors.${error.kind}`);
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
  // Below 992 px the menu lives in a drawer opened from the header.
  const narrow = Grid.useBreakpoint().lg === false;
  const [menuOpen, setMenuOpen] = useState(false);

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
      <Header user={user} onOpenMenu={narrow ? () => setMenuOpen(true) : undefined} />
      <Layout>
        {narrow ? (
          <Drawer
            placement="left"
            width={240}
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            title={t('app.fullName')}
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu user={user} route={route} onNavigate={() => setMenuOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #e8ebf0' }}>
            <SideMenu user={user} route={route} />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: narrow ? 16 : 24, minWidth: 0 }}>
          <Screen route={route} user={user} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
