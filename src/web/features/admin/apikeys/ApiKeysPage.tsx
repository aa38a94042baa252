import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyDto, Role } from '../../../api/types';
import { LoadError } from '../../../components/ErrorPages';
import { useFormatDateTime } from '../../../components/format';
import { useCurrentSession } from '../../auth/api';
import { useApiKeys, useRevokeApiKey } from './api';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';

export default function ApiKeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useFormatDateTime();
  const { user: me } = useCurrentSession();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('apiKeys.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="api-key-create"
        >
          {t('apiKeys.create')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('apiKeys.intro')}
      </Typography.Paragraph>
      {keys.error ? (
        <LoadError error={keys.error} onRetry={() => void keys.refetch()} />
      ) : (
        <Table<ApiKeyDto>
          rowKey="id"
          loading={keys.isFetching}
          dataSource={keys.data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('apiKeys.empty') }}
          columns={[
            { title: t('apiKeys.name'), dataIndex: 'name' },
            { title: t('apiKeys.role'), dataIndex: 'role', render: (r: Role) => t(`roles.${r}`) },
            { title: t('apiKeys.prefix'), dataIndex: 'prefix', render: (p: string) => <code>{p}…</code> },
            { title: t('apiKeys.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmt(v) },
            {
              title: t('apiKeys.createdBy'),
              dataIndex: 'createdBy',
              render: (v: string | null) =>
                !v ? (
                  t('common.none')
                ) : v === me.id ? (
                  me.name
                ) : (
                  // The key names only its creator's id: show it short, copyable in full.
                  <Typography.Text copyable={{ text: v }} title={v}>
                    {v.slice(0, 8)}
                  </Typography.Text>
                ),
            },
            {
              title: t('apiKeys.lastUsed'),
              dataIndex: 'lastUsedAt',
              render: (v: string | null) => fmt(v, t('common.never')),
            },
            {
              title: t('apiKeys.status'),
              key: 'status',
              render: (_, k) =>
                k.revokedAt ? (
                  <Tag>{t('apiKeys.revoked', { time: fmt(k.revokedAt) })}</Tag>
                ) : (
                  <Tag color="green">{t('apiKeys.active')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, k) =>
                !k.revokedAt && (
                  <Popconfirm
                    title={t('apiKeys.revokeConfirm', { name: k.name })}
                    okText={t('common.yes')}
                    cancelText={t('common.no')}
                    onConfirm={() =>
                      revoke.mutateAsync(k.id).then(
                        () => void message.success(t('apiKeys.revokedDone')),
                        (e: Error) => void message.error(e.message),
                      )
                    }
                  >
                    <Button type="link" danger size="small">
                      {t('apiKeys.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
      <CreateApiKeyDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
