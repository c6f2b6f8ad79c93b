/**
 * The frame of the signed-in app: the menu (a side bar on wide screens, a drawer on
 * phones), the language switch and sign-out.
 */
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Drawer, Flex, Grid, Layout, Menu, type MenuProps, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logout, type Me } from '../features/auth/api/auth-api';
import { authKeys } from '../features/auth/api/auth-keys';
import { navigate } from '../lib/router';
import { mayOpen, ROUTES } from '../routes';
import { LanguageSwitch } from './LanguageSwitch';

/** Props of {@link AppShell}. */
export interface AppShellProps {
  readonly me: Me;
  readonly path: string;
  readonly children: ReactNode;
}

/** The app shell around a page. */
export function AppShell({ me, path, children }: AppShellProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const wide = screens.md ?? true;

  // The menu is the route table's entries with a menu entry that `me` may open, in table order.
  const items: MenuProps['items'] = ROUTES.filter((route) => route.menu && mayOpen(route, me)).map(
    (route) => ({
      key: route.path,
      icon: route.menu?.icon,
      label: <a href={route.path}>{t(route.menu?.label ?? '')}</a>,
    }),
  );
  const selected = `/${path.split('/')[1] ?? ''}`;
  const menu = (
    <Menu
      mode="inline"
      // The side bar draws the line down the whole page; the menu's own stopped at its last item.
      style={{ borderInlineEnd: 'none' }}
      selectedKeys={[selected]}
      items={items}
      onClick={({ key, domEvent }) => {
        domEvent.preventDefault();
        setOpen(false);
        navigate(key);
      }}
      aria-label={t('menu.nav')}
    />
  );

  async function signOut() {
    try {
      await logout();
    } finally {
      queryClient.clear();
      queryClient.setQueryData(authKeys.me, null);
      navigate('/login', true);
    }
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide ? (
        <Layout.Sider theme="light" width={200} style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 24px' }}>
            <Typography.Text strong style={{ fontSize: 18 }}>
              {t('app.name')}
            </Typography.Text>
          </div>
          <nav>{menu}</nav>
        </Layout.Sider>
      ) : (
        <Drawer open={open} onClose={() => setOpen(false)} placement="left" size={240} title={t('app.name')}>
          <nav>{menu}</nav>
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            borderBottom: '1px solid #f0f0f0',
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={8}>
            {wide ? (
              <span />
            ) : (
              <Button
                icon={<MenuOutlined aria-hidden />}
                aria-label={t('menu.open')}
                onClick={() => setOpen(true)}
              />
            )}
            <Flex gap={8} align="center">
              <Typography.Text type="secondary" style={{ display: wide ? undefined : 'none' }}>
                {t(`roles.${me.role}`)}
              </Typography.Text>
              <LanguageSwitch />
              <Button icon={<LogoutOutlined aria-hidden />} onClick={signOut} aria-label={t('menu.logout')}>
                {wide ? t('menu.logout') : null}
              </Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: wide ? 24 : 12 }}>
          <main>{children}</main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
