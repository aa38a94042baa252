import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SavedViewList, useDeleteView, useSavedViews, useSaveView } from '../api/savedViews';
import { applyApiError } from './formErrors';

type ViewText =
  | 'placeholder'
  | 'save'
  | 'saveTitle'
  | 'name'
  | 'nameRequired'
  | 'sameNameReplaces'
  | 'saved'
  | 'delete'
  | 'deleteConfirm'
  | 'deleted';

/**
 * My saved views of one list: pick one, save the current filters under a name, delete the picked one.
 * `toQuery` is what is stored (and compared: the view shown as picked is the one the filters match),
 * `fromQuery` reads a stored view back; `texts` is the i18n group with the list's wording.
 */
export function SavedViews<F>({
  list,
  filters,
  onApply,
  onClear,
  toQuery,
  fromQuery,
  texts,
  testIdPrefix = '',
}: {
  list: SavedViewList;
  filters: F;
  onApply: (f: F) => void;
  /** When the picked view is cleared; without it clearing leaves the filters as they are. */
  onClear?: () => void;
  toQuery: (f: F) => Record<string, unknown>;
  fromQuery: (q: Record<string, unknown>) => F;
  texts: 'accounts.views' | 'tickets.views';
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  // the key is built from the list's group; both groups have every ViewText (zh-CN is checked against en-US)
  const text = (key: ViewText, options?: Record<string, string>) =>
    (t as unknown as (k: string, o?: Record<string, string>) => string)(`${texts}.${key}`, options);
  const { message } = App.useApp();
  const views = useSavedViews(list);
  const save = useSaveView(list);
  const remove = useDeleteView(list);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const [error, setError] = useState<string | null>(null);
  // changing a filter leaves the picked view
  const key = (f: F) => JSON.stringify(toQuery(f));
  const picked = views.data?.items.find((v) => key(fromQuery(v.query)) === key(filters));

  const submit = async () => {
    const { name } = await form.validateFields();
    save.mutate(
      { name, query: toQuery(filters) },
      {
        onSuccess: () => {
          message.success(text('saved'));
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
        placeholder={text('placeholder')}
        value={picked?.id}
        loading={views.isPending}
        onChange={(id) => {
          const view = views.data?.items.find((v) => v.id === id);
          if (view) onApply(fromQuery(view.query));
          else onClear?.();
        }}
        options={views.data?.items.map((v) => ({ value: v.id, label: v.name }))}
        style={{ width: 180 }}
        data-testid={`${testIdPrefix}saved-views`}
      />
      {picked && (
        <Popconfirm
          title={text('deleteConfirm', { name: picked.name })}
          okText={t('common.yes')}
          cancelText={t('common.no')}
          onConfirm={() =>
            remove.mutate(picked.id, {
              onSuccess: () => message.success(text('deleted')),
              onError: (e) => message.error(e.message),
            })
          }
        >
          <Button icon={<DeleteOutlined />} aria-label={text('delete')} />
        </Popconfirm>
      )}
      <Button
        icon={<SaveOutlined />}
        onClick={() => {
          form.setFieldsValue({ name: picked?.name ?? '' });
          setError(null);
          setSaving(true);
        }}
        data-testid={`${testIdPrefix}save-view`}
      >
        {text('save')}
      </Button>
      <Modal
        open={saving}
        title={text('saveTitle')}
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
            label={text('name')}
            extra={text('sameNameReplaces')}
            rules={[{ required: true, whitespace: true, message: text('nameRequired') }]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Form>
      </Modal>
    </Space.Compact>
  );
}
