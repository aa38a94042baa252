import { Alert, App, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceTargets } from '../../../shared/serviceTargets';
import { applyApiError } from '../../components/formErrors';
import { type ServiceTargetsDto, usePutServiceTargets } from './api';

/** Rates are edited in percent and sent as fractions. */
const PERCENT_FIELDS = ['onTimeRate', 'intactRate', 'grossMarginRate'] as const;

/** Edits the account's own service targets (starting from those in force, the tier's if none). */
export function ServiceTargetsDialog({
  accountId,
  targets,
  open,
  onClose,
}: {
  accountId: string;
  targets: ServiceTargetsDto;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ServiceTargets>();
  const [error, setError] = useState<string | null>(null);
  const put = usePutServiceTargets(accountId);
  const initial = { ...targets };
  for (const f of PERCENT_FIELDS) initial[f] = Math.round(targets[f] * 1000) / 10;

  const submit = (values: ServiceTargets) => {
    const body: ServiceTargets & { version?: number } = { ...values };
    for (const f of PERCENT_FIELDS) body[f] = values[f] / 100;
    if (targets.version !== null) body.version = targets.version;
    setError(null);
    put.mutate(body, {
      onSuccess: () => {
        message.success(t('accountQuality.saved'));
        onClose();
      },
      onError: (e) => setError(applyApiError(form, e)),
    });
  };

  const percent = (name: (typeof PERCENT_FIELDS)[number], label: string, min = 0) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={min} max={100} step={0.1} addonAfter="%" style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <Modal
      open={open}
      title={t('accountQuality.editTargets')}
      okText={t('accountQuality.saveTargets')}
      onOk={() => form.submit()}
      confirmLoading={put.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        data-testid="targets-form"
      >
        {percent('onTimeRate', t('quality.onTimeRate'))}
        {percent('intactRate', t('quality.intactRate'))}
        <Form.Item name="transitP90Days" label={t('accountQuality.transitP90')} rules={[{ required: true }]}>
          <InputNumber min={0.1} max={365} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="complaintsPer1000"
          label={t('accountQuality.complaintRate')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={1000} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        {percent('grossMarginRate', t('accountQuality.marginRate'), -100)}
      </Form>
    </Modal>
  );
}
