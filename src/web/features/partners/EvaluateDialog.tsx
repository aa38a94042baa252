import { Alert, App, DatePicker, Flex, Form, InputNumber, Modal, Rate, Segmented } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SCORE_WEIGHTS, type ScoreWeights } from '../../../shared/partners';
import { applyApiError } from '../../components/formErrors';
import { useOrganization } from '../admin/organization/api';
import { useEvaluatePartner } from './api';

const WEIGHT_KEYS = ['onTime', 'intact', 'satisfaction', 'price'] as const;
const WEIGHT_LABEL = {
  onTime: 'partnerEdit.weightOnTime',
  intact: 'partnerEdit.weightIntact',
  satisfaction: 'partnerEdit.weightSatisfaction',
  price: 'partnerEdit.weightPrice',
} as const;

interface Values {
  periodKind: 'month' | 'quarter';
  period: Dayjs;
  serviceRating: number;
  priceRating: number;
  weights: ScoreWeights;
}

/** Evaluates a month or quarter: the KPIs come from the shipments, the manual ratings from here. */
export function EvaluateDialog({ partnerId, onClose }: { partnerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const org = useOrganization();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const evaluate = useEvaluatePartner(partnerId);
  const periodKind = Form.useWatch('periodKind', form) ?? 'month';
  const defaults = org.data?.settings.partnerScoreWeights ?? DEFAULT_SCORE_WEIGHTS;

  const submit = (v: Values) => {
    setError(null);
    const month = v.period.startOf('month');
    const start = v.periodKind === 'quarter' ? month.month(Math.floor(month.month() / 3) * 3) : month;
    evaluate.mutate(
      {
        periodKind: v.periodKind,
        periodStart: start.format('YYYY-MM-DD'),
        serviceRating: v.serviceRating,
        priceRating: v.priceRating,
        weights: v.weights,
      },
      {
        onSuccess: () => {
          message.success(t('partnerEdit.evaluated'));
          onClose();
        },
        onError: (e) => setError(applyApiError(form, e)),
      },
    );
  };
  if (org.isPending) return null;
  return (
    <Modal
      open
      title={t('partnerEdit.evaluate')}
      okText={t('partnerEdit.save')}
      cancelText={t('partnerEdit.cancel')}
      onOk={() => form.submit()}
      confirmLoading={evaluate.isPending}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="evaluate-form"
        initialValues={{ periodKind: 'month', serviceRating: 3, priceRating: 3, weights: defaults }}
        onFinish={submit}
      >
        <Form.Item name="periodKind" label={t('partnerEdit.periodKind')}>
          <Segmented
            options={(['month', 'quarter'] as const).map((k) => ({
              value: k,
              label: t(`partnerEdit.periodKinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="period" label={t('partnerEdit.periodStart')} rules={[{ required: true }]}>
          <DatePicker picker={periodKind === 'quarter' ? 'quarter' : 'month'} />
        </Form.Item>
        <Form.Item name="serviceRating" label={t('partners.serviceRating')}>
          <Rate allowClear={false} />
        </Form.Item>
        <Form.Item name="priceRating" label={t('partners.priceRating')}>
          <Rate allowClear={false} />
        </Form.Item>
        <Form.Item label={t('partnerEdit.weights')} extra={t('partnerEdit.weightsHelp')}>
          <Flex gap={8} wrap>
            {WEIGHT_KEYS.map((k) => (
              <Form.Item key={k} name={['weights', k]} noStyle>
                <InputNumber min={0} max={100} aria-label={t(WEIGHT_LABEL[k])} prefix={t(WEIGHT_LABEL[k])} />
              </Form.Item>
            ))}
          </Flex>
        </Form.Item>
      </Form>
    </Modal>
  );
}
