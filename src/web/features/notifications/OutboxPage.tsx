import { Alert, App, Button, Card, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../components/format';
import { type OutboxMessage, type OutboxStatus, useOutbox, useRetryOutbox } from './api';

const STATUS_COLOR: Record<OutboxStatus, string> = {
  pending: 'processing',
  sent: 'success',
  dead: 'error',
  not_configured: 'warning',
  logged: 'default',
};
const FILTERS = ['dead', 'not_configured', 'pending', 'sent', 'logged', 'all'] as const;

/** Outgoing mail and SMS for administrators: dead letters first, each can be sent again. */
export default function OutboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useFormatDateTime();
  const [status, setStatus] = useState<(typeof FILTERS)[number]>('dead');
  const list = useOutbox(status);
  const retry = useRetryOutbox();
  return (
    <Card title={t('outbox.title')}>
      <Alert
        type="info"
        showIcon
        title={t('outbox.smsNote')}
        style={{ marginBottom: 16 }}
        data-testid="sms-note"
      />
      <Segmented
        value={status}
        onChange={setStatus}
        style={{ marginBottom: 16 }}
        data-testid="outbox-status"
        options={FILTERS.map((s) => ({
          value: s,
          label: s === 'all' ? t('common.all') : t(`outbox.statuses.${s}`),
        }))}
      />
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      <Table<OutboxMessage>
        rowKey="id"
        size="small"
        data-testid="outbox-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('outbox.status'),
            render: (_, m) => <Tag color={STATUS_COLOR[m.status]}>{t(`outbox.statuses.${m.status}`)}</Tag>,
          },
          { title: t('outbox.channel'), dataIndex: 'channel' },
          { title: t('outbox.recipient'), dataIndex: 'recipient' },
          { title: t('outbox.subject'), dataIndex: 'subject', ellipsis: true },
          { title: t('outbox.attempts'), dataIndex: 'attempts', align: 'right' },
          {
            title: t('outbox.lastError'),
            render: (_, m) => <Typography.Text type="danger">{m.lastError ?? ''}</Typography.Text>,
          },
          { title: t('outbox.createdAt'), render: (_, m) => fmt(m.createdAt) },
          { title: t('outbox.sentAt'), render: (_, m) => fmt(m.sentAt) },
          {
            title: t('common.actions'),
            render: (_, m) =>
              (m.status === 'dead' || m.status === 'not_configured') && (
                <Button
                  size="small"
                  loading={retry.isPending && retry.variables === m.id}
                  onClick={() =>
                    retry.mutate(m.id, {
                      onSuccess: () => message.success(t('outbox.retried')),
                      onError: (e) => message.error(e.message),
                    })
                  }
                >
                  {t('outbox.retry')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
