import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../shared/permissions';
import type { Role, UserDto } from '../../../api/types';
import { LoadError } from '../../../components/ErrorPages';
import { useFormatDateTime } from '../../../components/format';
import { Pager } from '../../../components/Pager';
import { useCursorPager } from '../../../components/useCursorPager';
import { useCan, useCurrentSession } from '../../auth/api';
import { RecordHistoryDrawer } from '../audit/RecordHistoryDrawer';
import { useUpdateUser, useUsers } from './api';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserFormDialog } from './UserFormDialog';

/** Entity name the server's audit log uses for users. */
const USER_ENTITY = 'user';

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const manage = can('users.manage');
  const { user: me } = useCurrentSession();
  const fmt = useFormatDateTime();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [active, setActive] = useState<boolean | undefined>();
  const pager = useCursorPager();
  const query = useUsers({ q: q || undefined, role, active, cursor: pager.cursor });
  const update = useUpdateUser();
  const [editing, setEditing] = useState<{ user?: UserDto } | null>(null);
  const [resetting, setResetting] = useState<UserDto | null>(null);
  const [history, setHistory] = useState<UserDto | null>(null);

  const setActiveFor = (u: UserDto, value: boolean) =>
    update.mutate(
      { id: u.id, version: u.version, active: value },
      {
        onSuccess: () => message.success(value ? t('users.activated') : t('users.deactivated')),
        onError: (e) => message.error(e.message),
      },
    );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        {manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({})}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        )}
      </Flex>
      <Space wrap style={{ margin: '16px 0' }}>
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          onSearch={(v) => {
            setQ(v.trim());
            pager.reset();
          }}
          style={{ width: 260 }}
          data-testid="user-search"
        />
        <Select<Role>
          allowClear
          placeholder={t('users.roleFilter')}
          value={role}
          onChange={(v) => {
            setRole(v);
            pager.reset();
          }}
          style={{ width: 180 }}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <Select<'true' | 'false'>
          allowClear
          placeholder={t('users.activeFilter')}
          value={active === undefined ? undefined : active ? 'true' : 'false'}
          onChange={(v) => {
            setActive(v === undefined ? undefined : v === 'true');
            pager.reset();
          }}
          style={{ width: 140 }}
          options={[
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ]}
        />
      </Space>
      {query.error ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<UserDto>
          rowKey="id"
          data-testid="users-table"
          loading={query.isFetching}
          dataSource={query.data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('users.empty') }}
          columns={[
            { title: t('users.name'), dataIndex: 'name' },
            { title: t('users.email'), dataIndex: 'email' },
            { title: t('users.role'), dataIndex: 'role', render: (r: Role) => t(`roles.${r}`) },
            {
              title: t('users.status'),
              key: 'status',
              render: (_, u) => (
                <Space size={4} wrap>
                  {u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>}
                  {u.lockedUntil && new Date(u.lockedUntil) > new Date() && (
                    <Tag color="red">{t('users.locked', { time: fmt(u.lockedUntil) })}</Tag>
                  )}
                  {u.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('users.lastLogin'),
              dataIndex: 'lastLoginAt',
              render: (v: string | null) => fmt(v, t('common.never')),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, u) => (
                <Space size={0} wrap>
                  {manage && (
                    <Button type="link" size="small" onClick={() => setEditing({ user: u })}>
                      {t('common.edit')}
                    </Button>
                  )}
                  {manage && (
                    <Button type="link" size="small" onClick={() => setResetting(u)}>
                      {t('users.resetPassword')}
                    </Button>
                  )}
                  {manage && u.id !== me.id && u.active && (
                    <Popconfirm
                      title={t('users.deactivateConfirm', { name: u.name })}
                      okText={t('common.yes')}
                      cancelText={t('common.no')}
                      onConfirm={() => setActiveFor(u, false)}
                    >
                      <Button type="link" size="small" danger>
                        {t('users.deactivate')}
                      </Button>
                    </Popconfirm>
                  )}
                  {manage && !u.active && (
                    <Button type="link" size="small" onClick={() => setActiveFor(u, true)}>
                      {t('users.activate')}
                    </Button>
                  )}
                  {can('audit.record') && (
                    <Button type="link" size="small" onClick={() => setHistory(u)}>
                      {t('users.history')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <Pager pager={pager} nextCursor={query.data?.nextCursor} loading={query.isFetching} />
      <UserFormDialog open={!!editing} user={editing?.user} onClose={() => setEditing(null)} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
      <RecordHistoryDrawer
        entity={USER_ENTITY}
        entityId={history?.id}
        title={history ? t('users.historyTitle', { name: history.name }) : ''}
        onClose={() => setHistory(null)}
      />
    </>
  );
}
