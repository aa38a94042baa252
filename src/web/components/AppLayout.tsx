import {
  CarOutlined,
  CustomerServiceOutlined,
  HomeOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  SettingOutlined,
  ShopOutlined,
  SmileOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, type MenuProps, Typography, theme } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCan } from '../features/auth/api';
import { knowledgeScreens } from '../features/knowledge/screens';
import { NotificationBell } from '../features/notifications/NotificationBell';
import {
  adminScreens,
  customerScreens,
  logisticsScreens,
  type Screen,
  serviceDeskScreens,
  surveyScreens,
} from '../screens';
import { UserMenu } from './UserMenu';
import { useMediaQuery } from './useMediaQuery';

/** Shell of every signed-in page: navigation on the side (icons only on tablets), user menu on top. */
export function AppLayout() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const narrow = useMediaQuery('(max-width: 1024px)');
  const [toggled, setToggled] = useState<boolean | null>(null);
  const collapsed = toggled ?? narrow;
  const { token } = theme.useToken();

  const admin = adminScreens.filter((s) => can(s.permission));
  const customers = customerScreens.filter((s) => can(s.permission));
  const visible = (screens: Screen[]) => screens.filter((s) => !s.hidden && can(s.permission));
  const logistics = visible(logisticsScreens);
  const serviceDesk = visible([...serviceDeskScreens, ...knowledgeScreens]);
  const surveys = visible(surveyScreens);
  const group = (key: string, icon: ReactNode, label: string, screens: Screen[]) =>
    screens.length
      ? [
          {
            key,
            icon,
            label,
            children: screens.map((s) => ({ key: s.path, icon: s.icon, label: t(s.label) })),
          },
        ]
      : [];
  // The menu entry of the current page: the longest screen path it starts with (/accounts/123 → /accounts).
  const selected =
    [...customers, ...logistics, ...serviceDesk, ...surveys, ...admin]
      .map((s) => s.path)
      .filter((p) => pathname === p || pathname.startsWith(`${p}/`))
      .sort((a, b) => b.length - a.length)[0] ?? pathname;
  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: t('nav.home') },
    ...group('customers', <ShopOutlined />, t('nav.customers'), customers),
    ...group('logistics', <CarOutlined />, t('nav.logistics'), logistics),
    ...group('serviceDesk', <CustomerServiceOutlined />, t('nav.serviceDesk'), serviceDesk),
    ...group('surveys', <SmileOutlined />, t('nav.surveys'), surveys),
    ...group('admin', <SettingOutlined />, t('nav.admin'), admin),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={(c) => setToggled(c)}
        trigger={null}
        width={220}
        collapsedWidth={64}
        theme="dark"
        data-testid="app-sider"
      >
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontWeight: 600,
            fontSize: collapsed ? 14 : 18,
          }}
        >
          {collapsed ? 'LC' : t('app.name')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={collapsed ? [] : ['customers', 'logistics', 'serviceDesk', 'surveys', 'admin']}
          items={items}
          onClick={({ key }) => navigate(key)}
          data-testid="app-nav"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Button
            type="text"
            aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setToggled(!collapsed)}
          />
          <Typography.Text type="secondary" ellipsis style={{ flex: 1 }}>
            {t('app.tagline')}
          </Typography.Text>
          <NotificationBell />
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 16 : 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
