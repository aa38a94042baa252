import {
  CheckOutlined,
  KeyOutlined,
  LogoutOutlined,
  ReadOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, type MenuProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentSession, useLanguage, useLogout } from '../features/auth/api';
import { ChangePasswordDialog } from '../features/auth/ChangePasswordDialog';
import { LOCALES } from '../i18n';
import { useMediaQuery } from './useMediaQuery';

export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const { locale, setLocale } = useLanguage();
  const logout = useLogout();
  const navigate = useNavigate();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const compact = useMediaQuery('(max-width: 600px)');

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <Typography.Text type="secondary" data-testid="user-menu-email">
          {user.email}
        </Typography.Text>
      ),
    },
    {
      key: 'language',
      icon: <TranslationOutlined />,
      label: t('userMenu.language'),
      children: LOCALES.map((l) => ({
        key: `lang:${l}`,
        label: <span data-testid={`lang-${l}`}>{t(`language.${l}`)}</span>,
        icon: l === locale ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
      })),
    },
    { key: 'password', icon: <KeyOutlined />, label: t('userMenu.changePassword') },
    {
      key: 'docs',
      icon: <ReadOutlined />,
      label: (
        <a href="/api/docs" target="_blank" rel="noreferrer">
          {t('userMenu.apiDocs')}
        </a>
      ),
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="logout">{t('userMenu.logout')}</span>,
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key.startsWith('lang:')) setLocale(key.slice(5) as (typeof LOCALES)[number]);
    else if (key === 'password') setPasswordOpen(true);
    else if (key === 'logout')
      logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <>
      {/* submenus open on click: hover menus are unusable on tablets */}
      <Dropdown
        menu={{ items, onClick, triggerSubMenuAction: 'click' }}
        trigger={['click']}
        placement="bottomRight"
      >
        <Button type="text" style={{ height: 48 }} data-testid="user-menu">
          <Flex align="center" gap={8}>
            <Avatar size="small" icon={<UserOutlined />} />
            {!compact && <span data-testid="user-name">{user.name}</span>}
            <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="user-role">
              {t(`roles.${user.role}`)}
            </Tag>
          </Flex>
        </Button>
      </Dropdown>
      <ChangePasswordDialog open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </>
  );
}
