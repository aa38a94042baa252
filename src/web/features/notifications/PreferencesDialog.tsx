import { Alert, App, Modal, Switch, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NotificationPreference, usePreferences, useSavePreferences } from './api';

/** My channels per notification kind; SMS is stated to go to the outbox log only. */
export function PreferencesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const prefs = usePreferences(true);
  const save = useSavePreferences();
  const [rows, setRows] = useState<NotificationPreference[]>([]);
  useEffect(() => setRows(prefs.data?.items ?? []), [prefs.data]);
  const set = (kind: string, patch: Partial<NotificationPreference>) =>
    setRows((r) => r.map((p) => (p.kind === kind ? { ...p, ...patch } : p)));
  const label = (kind: string) => t(`notifications.kinds.${kind}` as 'notifications.kinds.ticket.created');

  return (
    <Modal
      open
      title={t('notifications.preferences')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() =>
        save.mutate(rows, {
          onSuccess: () => {
            message.success(t('notifications.saved'));
            onClose();
          },
          onError: (e) => message.error(e.message),
        })
      }
    >
      <Alert type="info" showIcon title={t('notifications.smsNote')} style={{ marginBottom: 12 }} />
      <Table<NotificationPreference>
        rowKey="kind"
        size="small"
        pagination={false}
        loading={prefs.isLoading}
        dataSource={rows}
        data-testid="notification-preferences-table"
        columns={[
          { title: t('notifications.kind'), dataIndex: 'kind', render: (k: string) => label(k) },
          {
            title: t('notifications.inApp'),
            render: (_, p) => <Switch checked={p.inApp} onChange={(v) => set(p.kind, { inApp: v })} />,
          },
          {
            title: t('notifications.email'),
            render: (_, p) => <Switch checked={p.email} onChange={(v) => set(p.kind, { email: v })} />,
          },
        ]}
      />
    </Modal>
  );
}
