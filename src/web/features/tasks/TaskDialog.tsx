import { Alert, App, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError } from '../../components/formErrors';
import { useCreateTask } from './api';
import { TaskFields, type TaskKind } from './TaskFields';

interface Values {
  kind: TaskKind;
  title: string;
  notes: string;
  dueAt: Dayjs;
}

/** A follow-up task or return visit for myself (reminded an hour before it is due). */
export function TaskDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateTask();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      { ...v, dueAt: v.dueAt.toISOString() },
      {
        onSuccess: () => {
          message.success(t('tasks.created'));
          onClose();
        },
        onError: (e) => setError(applyApiError(form, e)),
      },
    );
  };
  return (
    <Modal
      open
      title={t('tasks.new')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'follow_up', notes: '' }}
      >
        <TaskFields />
        <Form.Item name="notes" label={t('tasks.notes')}>
          <Input.TextArea rows={3} maxLength={20_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
