/**
 * The route table of the signed-in app: one entry per page, with its path, its page
 * (loaded on demand), its menu entry and the role it needs. `App.tsx` renders the entry
 * that matches the current path and `shell/AppShell.tsx` builds the menu from the same
 * list, so adding a page is adding one entry here.
 */
import {
  CalendarOutlined,
  DashboardOutlined,
  FundOutlined,
  NotificationOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { Me } from './features/auth/api/auth-api';
import {
  ID_PARAM,
  type ParamNames,
  type ParamsOf,
  type PathParams,
  type RoutePattern,
} from './lib/route-match';

/** What a page entry renders from: the path's parameters and the signed-in member. */
export interface PageContext<P extends PathParams = PathParams> {
  readonly params: P;
  readonly me: Me;
}

/** One page of the app. */
export interface AppRoute extends RoutePattern {
  /** The page for this path (the parameters are those of `path`). */
  readonly render: (context: PageContext) => ReactNode;
  /** The page's menu entry (an i18n key and an icon), in table order; none for pages reached by links. */
  readonly menu?: { readonly label: string; readonly icon: ReactNode };
  /** Only `role` may open the page and see its menu entry; others get a 403 saying `denied` (an i18n key). */
  readonly access?: { readonly role: Me['role']; readonly denied: string };
}

/** An entry whose `render` and `accept` know the parameter names of its `path`. */
function page<P extends string>(
  entry: Omit<AppRoute, 'path' | 'accept' | 'render'> & {
    readonly path: P;
    readonly accept?: { readonly [K in ParamNames<P>]?: RegExp };
    readonly render: (context: PageContext<ParamsOf<P>>) => ReactNode;
  },
): AppRoute {
  // `findRoute` passes the parameters of this very pattern, so they have these names.
  return entry as unknown as AppRoute;
}

/** A menu entry: the i18n key of its label and its icon (decorative: the label names it). */
function menu(label: string, Icon: ComponentType<{ 'aria-hidden'?: boolean }>): AppRoute['menu'] {
  return { label, icon: <Icon aria-hidden /> };
}

/**
 * A page component loaded on demand, each in its own chunk: the sign-in page does not
 * wait for them, and ECharts (about 1 MB) comes only with the pages that draw charts.
 * `load` must be a literal `import()` for the bundler to make the chunk.
 */
function lazyPage<K extends string, P extends object>(
  load: () => Promise<Record<K, (props: P) => ReactNode>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const TodayPage = lazyPage(() => import('./features/method/pages/TodayPage'), 'TodayPage');
const LogVisitPage = lazyPage(() => import('./features/method/pages/LogVisitPage'), 'LogVisitPage');
const PlanPage = lazyPage(() => import('./features/plan/pages/PlanPage'), 'PlanPage');
const CustomersPage = lazyPage(() => import('./features/customers/pages/CustomersPage'), 'CustomersPage');
const CustomerPage = lazyPage(() => import('./features/customers/pages/CustomerPage'), 'CustomerPage');
const TeamPage = lazyPage(() => import('./features/team/pages/TeamPage'), 'TeamPage');
const DashboardPage = lazyPage(() => import('./features/dashboard/pages/DashboardPage'), 'DashboardPage');
const SeminarsPage = lazyPage(() => import('./features/seminars/pages/SeminarsPage'), 'SeminarsPage');

/** The pages; the menu lists those with a `menu` entry in this order. */
export const ROUTES: readonly AppRoute[] = [
  page({ path: '/today', menu: menu('method.menu', CalendarOutlined), render: () => <TodayPage /> }),
  page({ path: '/plan', menu: menu('menu.plan', FundOutlined), render: ({ me }) => <PlanPage me={me} /> }),
  page({ path: '/customers', menu: menu('menu.customers', UserOutlined), render: () => <CustomersPage /> }),
  page({
    path: '/customers/:id',
    accept: { id: ID_PARAM },
    render: ({ params }) => <CustomerPage id={params.id} />,
  }),
  page({
    path: '/customers/:id/log-visit',
    accept: { id: ID_PARAM },
    render: ({ params }) => <LogVisitPage customerId={params.id} key={params.id} />,
  }),
  page({
    path: '/dashboard',
    menu: menu('menu.dashboard', DashboardOutlined),
    render: () => <DashboardPage />,
  }),
  page({
    path: '/seminars',
    menu: menu('menu.seminars', NotificationOutlined),
    render: ({ me }) => <SeminarsPage me={me} />,
  }),
  page({
    path: '/team',
    menu: menu('menu.team', TeamOutlined),
    access: { role: 'manager', denied: 'team.managersOnly' },
    render: () => <TeamPage />,
  }),
];

/** Whether `me` may open `route` (the one role check: the page and its menu entry). */
export function mayOpen(route: AppRoute, me: Me): boolean {
  return route.access === undefined || route.access.role === me.role;
}
