import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteView, useSavedViews, useSaveView } from '../../api/savedViews';
import { applyApiError } from '../../components/formErrors';
import { filtersKey, readTicketFilters, type TicketFilters } from './filters';

/** My saved ticket filters: pick one, save the current filters under a name, delete the picked one. */
export function TicketSavedViews({
  filters,
  onApply,
}: {
  filters: TicketFilters;
  onApply: (f: TicketFilters) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const views = useSavedViews('tickets');
  const save = useSaveView('tickets');
  const remove = useDeleteView('tickets');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const fromView = (q: Record<string, unknown>) => readTicketFilters((k) => q[k]);
  const picked = views.data?.items.find((v) => filtersKey(fromView(v.query)) === filtersKey(filters));

  const submit = async () => {
    const { name } = await form.validateFields();
    save.mutate(
      { name, query: { ...readTicketFilters((k) => filters[k as keyof TicketFilters]) } },
      {
        onSuccess: () => {
          message.success(t('tickets.views.saved'));
          setSaving(false);
        },
        onError: (e) => setError(applyApiError(form, e)),
      },
    );
  };

  return (
    <Space.Compact>
      <Select<string>
        allowClear
        placeholder={t('tickets.views.placeholder')}
        value={picked?.id}
        loading={views.isPending}
        onChange={(id) => {
          const view = views.data?.items.find((v) => v.id === id);
          onApply(view ? fromView(view.query) : {});
        }}
        options={views.data?.items.map((v) => ({ value: v.id, label: v.name }))}
        style={{ width: 180 }}
        data-testid="ticket-saved-views"
      />
      {picked && (
        <Popconfirm
          title={t('tickets.views.deleteConfirm', { name: picked.name })}
          okText={t('common.yes')}
          cancelText={t('common.no')}
          onConfirm={() =>
            remove.mutate(picked.id, {
              onSuccess: () => message.success(t('tickets.views.deleted')),
              onError: (e) => message.error(e.message),
            })
          }
        >
          <Button icon={<DeleteOutlined />} aria-label={t('tickets.views.delete')} />
        </Popconfirm>
      )}
      <Button
        icon={<SaveOutlined />}
        onClick={() => {
          form.setFieldsValue({ name: picked?.name ?? '' });
          setError(null);
          setSaving(true);
        }}
        data-testid="ticket-save-view"
      >
        {t('tickets.views.save')}
      </Button>
      <Modal
        open={saving}
        title={t('tickets.views.saveTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        onOk={() => void submit().catch(() => {})}
        onCancel={() => setSaving(false)}
        forceRender
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item
            name="name"
            label={t('tickets.views.name')}
            extra={t('tickets.views.sameNameReplaces')}
            rules={[{ required: true, whitespace: true, message: t('tickets.views.nameRequired') }]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Form>
      </Modal>
    </Space.Compact>
  );
}
