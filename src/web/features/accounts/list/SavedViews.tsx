import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError } from '../../../components/formErrors';
import { useDeleteView, useSavedViews, useSaveView } from '../api';
import { type AccountFilters, compactFilters, filtersFromView } from './filters';

/** Pick one of my saved views, save the current filters under a name, delete the picked view. */
export function SavedViews({
  filters,
  onApply,
}: {
  filters: AccountFilters;
  onApply: (f: AccountFilters) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const views = useSavedViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const [error, setError] = useState<string | null>(null);
  // The view shown as picked is the one the list currently matches; changing a filter leaves it.
  const key = (f: AccountFilters) => JSON.stringify(compactFilters(f));
  const pickedView = views.data?.items.find((v) => key(filtersFromView(v.query)) === key(filters));

  const submit = async () => {
    const { name } = await form.validateFields();
    save.mutate(
      { name, query: compactFilters(filters) },
      {
        onSuccess: () => {
          message.success(t('accounts.views.saved'));
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
        placeholder={t('accounts.views.placeholder')}
        value={pickedView?.id}
        loading={views.isPending}
        onChange={(id) => {
          const view = views.data?.items.find((v) => v.id === id);
          if (view) onApply(filtersFromView(view.query));
        }}
        options={views.data?.items.map((v) => ({ value: v.id, label: v.name }))}
        style={{ width: 180 }}
        data-testid="saved-views"
      />
      {pickedView && (
        <Popconfirm
          title={t('accounts.views.deleteConfirm', { name: pickedView.name })}
          okText={t('common.yes')}
          cancelText={t('common.no')}
          onConfirm={() =>
            remove.mutate(pickedView.id, {
              onSuccess: () => message.success(t('accounts.views.deleted')),
              onError: (e) => message.error(e.message),
            })
          }
        >
          <Button icon={<DeleteOutlined />} aria-label={t('accounts.views.delete')} />
        </Popconfirm>
      )}
      <Button
        icon={<SaveOutlined />}
        onClick={() => {
          form.setFieldsValue({ name: pickedView?.name ?? '' });
          setError(null);
          setSaving(true);
        }}
        data-testid="save-view"
      >
        {t('accounts.views.save')}
      </Button>
      <Modal
        open={saving}
        title={t('accounts.views.saveTitle')}
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
            label={t('accounts.views.name')}
            extra={t('accounts.views.sameNameReplaces')}
            rules={[{ required: true, whitespace: true, message: t('accounts.views.nameRequired') }]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Form>
      </Modal>
    </Space.Compact>
  );
}
