import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError } from '../../../components/formErrors';
import { useAddNote } from '../api';
import { ActivityTimeline } from './timeline/ActivityTimeline';

/** Add a note; the account's notes, newest first. */
export function NotesTab({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const [error, setError] = useState<string | null>(null);
  const add = useAddNote(accountId);
  return (
    <>
      {canWrite && (
        <Form
          form={form}
          onFinish={({ body }) => {
            setError(null);
            add.mutate(body, {
              onSuccess: () => {
                form.resetFields();
                message.success(t('accounts.notes.added'));
              },
              onError: (e) => setError(applyApiError(form, e)),
            });
          }}
          style={{ marginBottom: 24 }}
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form.Item
            name="body"
            rules={[{ required: true, whitespace: true, message: t('accounts.notes.placeholder') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={10_000}
              placeholder={t('accounts.notes.placeholder')}
              data-testid="note-body"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="note-add">
            {t('accounts.notes.add')}
          </Button>
        </Form>
      )}
      <ActivityTimeline accountId={accountId} sources={['notes']} />
    </>
  );
}
