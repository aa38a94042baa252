import { Alert, Button, Form, Input, Modal, Select, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError } from '../../components/formErrors';
import { useCan } from '../auth/api';
import { type AccountSurveyDto, FOLLOW_UP_OUTCOMES, type FollowUpOutcome, useRecordFollowUp } from './api';

const COLORS: Record<FollowUpOutcome, string> = {
  contacted: 'blue',
  resolved: 'green',
  no_answer: 'default',
};

/** A response's follow-up: the task opened for a low score, its outcome and note, and recording it. */
export function FollowUpCell({ s }: { s: AccountSurveyDto }) {
  const { t } = useTranslation();
  const can = useCan()('tasks.write');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ outcome: FollowUpOutcome; note: string }>();
  const save = useRecordFollowUp();
  if (!s.followUpTaskId) return null;
  return (
    <Space size={4} wrap>
      {s.followUpOutcome ? (
        <Tooltip title={s.followUpNote ?? undefined}>
          <Tag color={COLORS[s.followUpOutcome]} data-testid="follow-up-outcome">
            {t(`surveys.followUpOutcome.${s.followUpOutcome}`)}
          </Tag>
        </Tooltip>
      ) : (
        <Tag color="orange">{t('surveys.followUpOpened')}</Tag>
      )}
      {can && (
        <Button
          size="small"
          type="link"
          onClick={() => {
            setError(null);
            form.setFieldsValue({ outcome: s.followUpOutcome ?? 'contacted', note: s.followUpNote ?? '' });
            setOpen(true);
          }}
        >
          {t('surveys.followUpOutcome.record')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('surveys.followUpOutcome.record')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            save.mutate(
              { id: s.id, outcome: v.outcome, note: v.note ?? '' },
              { onSuccess: () => setOpen(false), onError: (e) => setError(applyApiError(form, e)) },
            )
          }
        >
          <Form.Item name="outcome" label={t('surveys.followUpOutcome.title')} rules={[{ required: true }]}>
            <Select
              options={FOLLOW_UP_OUTCOMES.map((o) => ({
                value: o,
                label: t(`surveys.followUpOutcome.${o}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('surveys.followUpOutcome.note')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
