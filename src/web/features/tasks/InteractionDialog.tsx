import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS } from '../../../shared/servicedesk/enums';
import { INTERACTION_CHANNELS } from '../../../shared/servicedesk/interactionSchemas';
import { applyApiError } from '../../components/formErrors';
import { useLogInteraction } from './api';

interface Values {
  channel: (typeof INTERACTION_CHANNELS)[number];
  direction: (typeof DIRECTIONS)[number];
  subject: string;
  notes: string;
  outcome?: string;
  occurredAt: Dayjs;
}

/** Quick-add of a call, visit, WeChat message… from the account 360° page. */
export function InteractionDialog({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const log = useLogInteraction();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    log.mutate(
      { ...v, accountId, outcome: v.outcome || undefined, occurredAt: v.occurredAt.toISOString() },
      {
        onSuccess: () => {
          message.success(t('interactions.logged'));
          onClose();
        },
        onError: (e) => setError(applyApiError(form, e)),
      },
    );
  };
  return (
    <Modal
      open
      title={t('interactions.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={log.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'interaction-submit' }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ channel: 'phone', direction: 'outbound', notes: '', occurredAt: dayjs() }}
      >
        <Form.Item name="channel" label={t('interactions.channel')}>
          <Select options={INTERACTION_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="direction" label={t('interactions.direction')}>
          <Select options={DIRECTIONS.map((d) => ({ value: d, label: t(`interactions.directions.${d}`) }))} />
        </Form.Item>
        <Form.Item
          name="subject"
          label={t('interactions.subject')}
          rules={[{ required: true, whitespace: true, message: t('interactions.subjectRequired') }]}
        >
          <Input maxLength={200} data-testid="interaction-subject" />
        </Form.Item>
        <Form.Item name="notes" label={t('interactions.notes')}>
          <Input.TextArea rows={3} maxLength={20_000} />
        </Form.Item>
        <Form.Item name="outcome" label={t('interactions.outcome')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('interactions.occurredAt')}>
          <DatePicker showTime />
        </Form.Item>
      </Form>
    </Modal>
  );
}
