/**
 * The app: providers (antd theme and locale, TanStack Query), the sign-in gate and the
 * page of the route table (`routes.tsx`) that matches the current path. zh-CN and en
 * switch everything at once: texts, antd's components and dayjs dates.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetSignedIn, useMe } from './features/auth/api/auth-api';
import { authKeys } from './features/auth/api/auth-keys';
import { LoginPage } from './features/auth/pages/LoginPage';
import { SetupPage } from './features/auth/pages/SetupPage';
// Texts of the menu and of lazy pages: small, and the shell needs them before any page.
import './features/method/i18n-method';
import './features/dashboard/i18n-dashboard';
import { ApiError, setUnauthorizedHandler } from './lib/api';
import { usePrefersReducedMotion } from './lib/reduced-motion';
import { findRoute } from './lib/route-match';
import { navigate, usePath } from './lib/router';
import { mayOpen, ROUTES } from './routes';
import { AppShell } from './shell/AppShell';
import { Loading, PageFrame } from './shell/PageFrame';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
setUnauthorizedHandler(() => {
  forgetSignedIn();
  queryClient.setQueryData(authKeys.me, null);
});

/** The root component. */
export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const reducedMotion = usePrefersReducedMotion();
  useEffect(() => {
    dayjs.locale(zh ? 'zh-cn' : 'en');
    document.documentElement.lang = zh ? 'zh-CN' : 'en';
  }, [zh]);
  return (
    <ConfigProvider
      locale={zh ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      // `motion: false` turns off antd's animations for those who asked the system for less motion.
      theme={{ token: { colorPrimary: '#b4232a', borderRadius: 6, motion: !reducedMotion } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <Pages />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function Pages() {
  const path = usePath();
  const me = useMe();
  const { t } = useTranslation();
  if (path === '/setup') return <SetupPage />;
  if (me.isPending) return <Loading fullScreen />;
  if (me.isError) return <Result status="error" title={t('error.title')} subTitle={me.error.message} />;
  if (!me.data) return <LoginPage />;
  if (path === '/' || path === '/login') return <Redirect to="/today" />;
  const found = findRoute(ROUTES, path);
  return (
    <AppShell me={me.data} path={path}>
      <PageFrame key={path}>
        {!found ? (
          <Result status="404" title="404" subTitle={t('error.notFound')} />
        ) : found.route.access && !mayOpen(found.route, me.data) ? (
          <Result status="403" title="403" subTitle={t(found.route.access.denied)} />
        ) : (
          found.route.render({ params: found.params, me: me.data })
        )}
      </PageFrame>
    </AppShell>
  );
}

/** Replaces the current path (after rendering: navigation is a state change elsewhere). */
function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, true), [to]);
  return null;
}
