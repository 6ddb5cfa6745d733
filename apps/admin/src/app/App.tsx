import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import type { AuthSession } from '../features/auth/session/session';
import { LoginPage } from '../features/auth/components/LoginPage';
import { SetupPage } from '../features/setup/components/SetupPage';
import { Shell } from './Shell';
import { useRoute } from '../shared/navigation/navigation';
import { SessionProvider, useSessionStatus } from '../features/auth/hooks/session-context';

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
  // A setup link is for whoever holds it, signed in or not.
  if (route.name === 'setup') return <SetupPage />;
  return status === 'authenticated' ? <Shell route={route} /> : <LoginPage />;
}

export function App({ session, client }: { session: AuthSession; client: ApolloClient }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en-US' ? enUS : zhCN}
      theme={brandTheme}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <SessionProvider session={session}>
          <ApolloProvider client={client}>
            <Screens />
          </ApolloProvider>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
