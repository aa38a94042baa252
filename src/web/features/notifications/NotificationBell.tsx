import { BellOutlined, SettingOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormatDateTime } from '../../components/format';
import { useCan } from '../auth/api';
import { type NotificationDto, useMarkRead, useNotifications, useUnreadCount } from './api';
import { PreferencesDialog } from './PreferencesDialog';

/** The header's bell: unread count, the latest notifications, mark read, preferences. */
export function NotificationBell() {
  const { t } = useTranslation();
  const can = useCan();
  const allowed = can('notifications');
  const navigate = useNavigate();
  const fmt = useFormatDateTime();
  const [open, setOpen] = useState(false);
  const [prefs, setPrefs] = useState(false);
  const unread = useUnreadCount(allowed);
  const list = useNotifications(allowed && open);
  const mark = useMarkRead();
  if (!allowed) return null;

  const follow = (n: NotificationDto) => {
    if (!n.readAt) mark.mutate([n.id]);
    if (n.data.ticketId) {
      setOpen(false);
      navigate(`/tickets/${n.data.ticketId}`);
    }
  };

  const content = (
    <Flex vertical style={{ width: 380 }} data-testid="notification-list">
      <Flex justify="space-between" style={{ marginBottom: 8 }}>
        <Button
          size="small"
          disabled={!unread.data?.unread}
          onClick={() => mark.mutate('all')}
          data-testid="notifications-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
        <Button
          size="small"
          type="text"
          icon={<SettingOutlined />}
          onClick={() => {
            setOpen(false);
            setPrefs(true);
          }}
          data-testid="notification-preferences"
        >
          {t('notifications.preferences')}
        </Button>
      </Flex>
      {list.data?.items.length ? (
        <List
          size="small"
          style={{ maxHeight: 420, overflow: 'auto' }}
          dataSource={list.data.items}
          renderItem={(n) => (
            <List.Item
              data-testid="notification-item"
              data-unread={!n.readAt}
              onClick={() => follow(n)}
              style={{ cursor: 'pointer', opacity: n.readAt ? 0.65 : 1 }}
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!n.readAt}>
                    {!n.readAt && <Badge status="processing" />} {n.title}
                  </Typography.Text>
                }
                description={
                  <>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                      {n.body}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {fmt(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
    </Flex>
  );

  return (
    <>
      <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
        <Button type="text" aria-label={t('notifications.bell')} data-testid="notification-bell">
          <Badge count={unread.data?.unread ?? 0} size="small" data-testid="notification-count">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        </Button>
      </Popover>
      {prefs && <PreferencesDialog onClose={() => setPrefs(false)} />}
    </>
  );
}
