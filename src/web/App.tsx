/**
 * The app: providers (antd theme and locale, TanStack Query), the sign-in gate and the
 * page for the current path. zh-CN and en switch everything at once: texts, antd's
 * components and dayjs dates.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetSignedIn, useMe } from './features/auth/api/auth-api';
import { LoginPage } from './features/auth/pages/LoginPage';
import { SetupPage } from './features/auth/pages/SetupPage';
// Texts of the menu and of lazy pages: small, and the shell needs them before any page.
import './features/method/i18n-method';
import './features/dashboard/i18n-dashboard';
import { ApiError, setUnauthorizedHandler } from './lib/api';
import { usePrefersReducedMotion } from './lib/reduced-motion';
import { navigate, usePath } from './lib/router';
import { AppShell } from './shell/AppShell';
import { Loading, PageFrame } from './shell/PageFrame';

// The signed-in pages are loaded on demand, each in its own chunk: the sign-in page does not
// wait for them, and ECharts (about 1 MB) comes only with the pages that draw charts.
const TodayPage = lazy(() =>
  import('./features/method/pages/TodayPage').then((m) => ({ default: m.TodayPage })),
);
const LogVisitPage = lazy(() =>
  import('./features/method/pages/LogVisitPage').then((m) => ({ default: m.LogVisitPage })),
);
const PlanPage = lazy(() => import('./features/plan/pages/PlanPage').then((m) => ({ default: m.PlanPage })));
const CustomersPage = lazy(() =>
  import('./features/customers/pages/CustomersPage').then((m) => ({ default: m.CustomersPage })),
);
const CustomerPage = lazy(() =>
  import('./features/customers/pages/CustomerPage').then((m) => ({ default: m.CustomerPage })),
);
const TeamPage = lazy(() => import('./features/team/pages/TeamPage').then((m) => ({ default: m.TeamPage })));
const DashboardPage = lazy(() =>
  import('./features/dashboard/pages/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const SeminarsPage = lazy(() =>
  import('./features/seminars/pages/SeminarsPage').then((m) => ({ default: m.SeminarsPage })),
);

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
  queryClient.setQueryData(['me'], null);
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
  const customer = /^\/customers\/([0-9a-f-]{36})$/.exec(path);
  const logVisit = /^\/customers\/([0-9a-f-]{36})\/log-visit$/.exec(path);
  return (
    <AppShell me={me.data} path={path}>
      <PageFrame key={path}>
        {path === '/today' ? (
          <TodayPage />
        ) : logVisit?.[1] ? (
          <LogVisitPage customerId={logVisit[1]} key={logVisit[1]} />
        ) : path === '/plan' ? (
          <PlanPage me={me.data} />
        ) : path === '/customers' ? (
          <CustomersPage />
        ) : customer?.[1] ? (
          <CustomerPage id={customer[1]} />
        ) : path === '/team' ? (
          <TeamPage me={me.data} />
        ) : path === '/dashboard' ? (
          <DashboardPage />
        ) : path === '/seminars' ? (
          <SeminarsPage me={me.data} />
        ) : (
          <Result status="404" title="404" subTitle={t('error.notFound')} />
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
