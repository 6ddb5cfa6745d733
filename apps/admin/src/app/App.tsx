import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthSession } from '../features/auth/session/session';
import { LoginPage } from '../features/auth/components/LoginPage';
import { useRoute } from '../shared/navigation/navigation';
import { Loading } from '../shared/ui/Loading';
import { SessionProvider, useSessionStatus } from '../features/auth/hooks/session-context';

// Loaded when needed: the login page carries neither the shell nor Apollo Client.
const SignedIn = lazy(() => import('./SignedIn'));
const SetupPage = lazy(() =>
  import('../features/setup/components/SetupPage').then((m) => ({ default: m.SetupPage })),
);
const RatePage = lazy(() =>
  import('../features/evaluation/components/RatePage').then((m) => ({ default: m.RatePage })),
);
const GuidePage = lazy(() =>
  import('../features/guide/components/GuidePage').then((m) => ({ default: m.GuidePage })),
);

export const brandTheme = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1f5fc8',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

function Screens() {
  const status = useSessionStatus();
  const route = useRoute();
  let screen: ReactNode;
  // A setup link is for whoever holds it, signed in or not.
  if (route.name === 'setup') screen = <SetupPage />;
  // A rating link is for the applicant who holds it: no login.
  else if (route.name === 'rate') screen = <RatePage />;
  // The public service guide: for anyone, signed in or not (kiosks in the hall).
  else if (route.name === 'guide') {
    screen = <GuidePage divisionCode={route.divisionCode} item={route.item} />;
  } else if (status === 'authenticated') screen = <SignedIn route={route} />;
  else return <LoginPage />;
  return <Suspense fallback={<Loading />}>{screen}</Suspense>;
}

export function App({ session }: { session: AuthSession }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en-US' ? enUS : zhCN}
      theme={brandTheme}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <SessionProvider session={session}>
          <Screens />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
