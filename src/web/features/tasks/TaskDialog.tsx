import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_KINDS } from '../../../shared/servicedesk/enums';
import { applyApiError } from '../../components/formErrors';
import { useCreateTask } from './api';

interface Values {
  kind: (typeof TASK_KINDS)[number];
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
        <Form.Item name="kind" label={t('tickets.kind')}>
          <Select options={TASK_KINDS.map((k) => ({ value: k, label: t(`tasks.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('tasks.title')}
          rules={[{ required: true, whitespace: true, message: t('tasks.titleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="dueAt"
          label={t('tasks.due')}
          rules={[{ required: true, message: t('tasks.dueRequired') }]}
        >
          <DatePicker showTime />
        </Form.Item>
        <Form.Item name="notes" label={t('tasks.notes')}>
          <Input.TextArea rows={3} maxLength={20_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
