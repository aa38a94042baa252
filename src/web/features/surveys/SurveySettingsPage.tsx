import { Alert, App, Button, Card, Form, InputNumber, Select, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/ErrorPages';
import { applyApiError } from '../../components/formErrors';
import { useCan } from '../auth/api';
import { type SurveySettings, useSaveSurveySettings, useSurveySettings } from './api';

const TIERS = ['strategic', 'key', 'general'] as const;
const PERIOD_MONTHS = [0, 1, 2, 3, 4, 6, 12];

/** Dispatch rules (after delivery per tier, after a ticket closes) and the follow-up rule for low scores. */
export default function SurveySettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const editable = useCan()('surveys.manage');
  const q = useSurveySettings();
  const save = useSaveSurveySettings();
  const [form] = Form.useForm<SurveySettings>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data.settings);
  }, [q.data, form]);
  if (q.isPending) return <Skeleton active />;
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const percent = { min: 0, max: 100, addonAfter: '%' };
  return (
    <Card title={t('surveys.settings.title')}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        style={{ maxWidth: 560 }}
        onFinish={(settings) => {
          setError(null);
          save.mutate(
            { version: q.data.version, settings },
            {
              onSuccess: () => void message.success(t('common.saved')),
              onError: (e) => setError(applyApiError(form, e)),
            },
          );
        }}
      >
        <Typography.Title level={5}>{t('surveys.settings.afterDelivery')}</Typography.Title>
        <Form.Item
          name={['afterDelivery', 'enabled']}
          valuePropName="checked"
          label={t('surveys.settings.enabled')}
        >
          <Switch />
        </Form.Item>
        {TIERS.map((tier) => (
          <Form.Item
            key={tier}
            name={['afterDelivery', 'samplingPercent', tier]}
            label={t('surveys.settings.sampling', { tier: t(`surveys.settings.tier.${tier}`) })}
          >
            <InputNumber {...percent} />
          </Form.Item>
        ))}
        <Form.Item name={['afterDelivery', 'periodDays']} label={t('surveys.settings.periodDays')}>
          <InputNumber min={0} max={365} />
        </Form.Item>
        <Typography.Title level={5}>{t('surveys.settings.afterTicket')}</Typography.Title>
        <Form.Item
          name={['afterTicket', 'enabled']}
          valuePropName="checked"
          label={t('surveys.settings.enabled')}
        >
          <Switch />
        </Form.Item>
        <Typography.Title level={5}>{t('surveys.settings.periodic')}</Typography.Title>
        <Form.Item
          name={['periodic', 'enabled']}
          valuePropName="checked"
          label={t('surveys.settings.enabled')}
        >
          <Switch />
        </Form.Item>
        {TIERS.map((tier) => (
          <Form.Item
            key={tier}
            name={['periodic', 'everyMonths', tier]}
            label={t('surveys.settings.everyMonths', { tier: t(`surveys.settings.tier.${tier}`) })}
          >
            <Select
              style={{ width: 160 }}
              options={PERIOD_MONTHS.map((m) => ({
                value: m,
                label: m ? `${m} ${t('surveys.settings.months')}` : t('surveys.settings.monthsNone'),
              }))}
            />
          </Form.Item>
        ))}
        <Form.Item name="linkDays" label={t('surveys.settings.linkDays')}>
          <InputNumber min={1} max={365} />
        </Form.Item>
        <Typography.Title level={5}>{t('surveys.settings.reminder')}</Typography.Title>
        <Form.Item
          name={['reminder', 'enabled']}
          valuePropName="checked"
          label={t('surveys.settings.enabled')}
        >
          <Switch />
        </Form.Item>
        <Form.Item name={['reminder', 'afterDays']} label={t('surveys.settings.reminderAfterDays')}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Typography.Title level={5}>{t('surveys.settings.followUp')}</Typography.Title>
        <Form.Item
          name={['followUp', 'onDetractor']}
          valuePropName="checked"
          label={t('surveys.settings.onDetractor')}
        >
          <Switch />
        </Form.Item>
        <Form.Item name={['followUp', 'dimensionAtMost']} label={t('surveys.settings.dimensionAtMost')}>
          <InputNumber min={0} max={4} />
        </Form.Item>
        <Form.Item name={['followUp', 'dueDays']} label={t('surveys.settings.dueDays')}>
          <InputNumber min={1} max={30} />
        </Form.Item>
        {editable && (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
