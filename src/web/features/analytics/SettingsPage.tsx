import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsSettings } from '../../../shared/analytics';
import { LoadError } from '../../components/ErrorPages';
import { applyApiError } from '../../components/formErrors';
import type { analyticsEnUS } from '../../i18n/analytics.en-US';
import { useCan } from '../auth/api';
import { type RunDto, useAnalyticsSettings, useRuns, useSaveAnalyticsSettings } from './api';

type Label = `analytics.settings.${keyof typeof analyticsEnUS.analytics.settings & string}`;

/** Each number of the settings: its path, label and the range the server enforces (shown, not trusted). */
const NUMBERS: { path: string[]; label: Label; min: number; max: number; step?: number }[] = [
  { path: ['windowMonths'], label: 'analytics.settings.windowMonths', min: 1, max: 36 },
  { path: ['abcA'], label: 'analytics.settings.abcA', min: 0.5, max: 0.95, step: 0.01 },
  { path: ['abcB'], label: 'analytics.settings.abcB', min: 0.6, max: 0.99, step: 0.01 },
  { path: ['horizonMonths'], label: 'analytics.settings.horizonMonths', min: 1, max: 60 },
  { path: ['monthlyDiscount'], label: 'analytics.settings.monthlyDiscount', min: 0, max: 0.1, step: 0.005 },
  {
    path: ['valueSplit', 'currentPercentile'],
    label: 'analytics.settings.currentPercentile',
    min: 0.05,
    max: 0.95,
    step: 0.05,
  },
  {
    path: ['valueSplit', 'clvPercentile'],
    label: 'analytics.settings.clvPercentile',
    min: 0.05,
    max: 0.95,
    step: 0.05,
  },
  { path: ['lifecycle', 'newDays'], label: 'analytics.settings.newDays', min: 7, max: 365 },
  { path: ['lifecycle', 'developmentDays'], label: 'analytics.settings.developmentDays', min: 30, max: 1095 },
  {
    path: ['lifecycle', 'growthRatio'],
    label: 'analytics.settings.growthRatio',
    min: 1.01,
    max: 10,
    step: 0.1,
  },
  {
    path: ['lifecycle', 'declineRatio'],
    label: 'analytics.settings.declineRatio',
    min: 0.05,
    max: 0.99,
    step: 0.05,
  },
  {
    path: ['lifecycle', 'declinePAlive'],
    label: 'analytics.settings.declinePAlive',
    min: 0.05,
    max: 0.95,
    step: 0.05,
  },
  {
    path: ['lifecycle', 'lostPAlive'],
    label: 'analytics.settings.lostPAlive',
    min: 0.01,
    max: 0.9,
    step: 0.05,
  },
  { path: ['lifecycle', 'lostDays'], label: 'analytics.settings.lostDays', min: 30, max: 730 },
  { path: ['churnWeights', 'pAlive'], label: 'analytics.settings.weightPAlive', min: 0, max: 1, step: 0.1 },
  {
    path: ['churnWeights', 'volumeDrop'],
    label: 'analytics.settings.weightVolumeDrop',
    min: 0,
    max: 1,
    step: 0.1,
  },
  {
    path: ['churnWeights', 'complaints'],
    label: 'analytics.settings.weightComplaints',
    min: 0,
    max: 1,
    step: 0.1,
  },
  { path: ['churnWeights', 'csi'], label: 'analytics.settings.weightCsi', min: 0, max: 1, step: 0.1 },
  {
    path: ['churnSignals', 'complaintDays'],
    label: 'analytics.settings.complaintDays',
    min: 7,
    max: 365,
  },
  {
    path: ['churnSignals', 'complaintsForFullScore'],
    label: 'analytics.settings.complaintsForFullScore',
    min: 1,
    max: 20,
  },
  { path: ['churnSignals', 'surveyDays'], label: 'analytics.settings.surveyDays', min: 30, max: 730 },
  {
    path: ['churnSignals', 'csiDropForFullScore'],
    label: 'analytics.settings.csiDropForFullScore',
    min: 5,
    max: 50,
  },
  { path: ['nightlyHour'], label: 'analytics.settings.nightlyHour', min: 0, max: 23 },
];

/** Windows, thresholds, weights and the discount rate of the runs (admins edit; audited), and the last runs. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const editable = can('org.manage');
  const current = useAnalyticsSettings();
  const runs = useRuns();
  const save = useSaveAnalyticsSettings();
  const [form] = Form.useForm<{ settings: AnalyticsSettings }>();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (current.data) form.setFieldsValue({ settings: current.data.settings });
  }, [current.data, form]);
  if (current.isPending) return <Skeleton active />;
  if (current.error) return <LoadError error={current.error} onRetry={() => void current.refetch()} />;
  const onFinish = (values: { settings: AnalyticsSettings }) => {
    setProblem(null);
    save.mutate(
      { version: current.data.version, settings: { ...current.data.settings, ...values.settings } },
      {
        onSuccess: () => message.success(t('analytics.settings.saved')),
        onError: (e) => setProblem(applyApiError(form, e)),
      },
    );
  };
  return (
    <>
      <Typography.Title level={3}>{t('analytics.settings.title')}</Typography.Title>
      {!editable && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('analytics.settings.readOnly')} />
      )}
      {problem && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem} />}
      <Card>
        <Form
          form={form}
          layout="vertical"
          disabled={!editable}
          onFinish={onFinish}
          data-testid="analytics-settings"
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name={['settings', 'abcBasis']} label={t('analytics.settings.abcBasis')}>
                <Select
                  options={(['revenue', 'gross_profit'] as const).map((v) => ({
                    value: v,
                    label: t(`analytics.badges.basis.${v}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['settings', 'timeUnit']} label={t('analytics.settings.timeUnit')}>
                <Select
                  options={(['day', 'week'] as const).map((v) => ({
                    value: v,
                    label: t(`analytics.settings.unit.${v}`),
                  }))}
                />
              </Form.Item>
            </Col>
            {NUMBERS.map((n) => (
              <Col xs={24} md={8} key={n.path.join('.')}>
                <Form.Item name={['settings', ...n.path]} label={t(n.label as 'analytics.settings.title')}>
                  <InputNumber style={{ width: '100%' }} min={n.min} max={n.max} step={n.step ?? 1} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          {editable && (
            <Button
              type="primary"
              htmlType="submit"
              loading={save.isPending}
              data-testid="analytics-settings-save"
            >
              {t('common.save')}
            </Button>
          )}
        </Form>
      </Card>
      <Card title={t('analytics.settings.lastRuns')} style={{ marginTop: 16 }}>
        <Table<RunDto>
          rowKey="id"
          size="small"
          dataSource={runs.data?.items}
          pagination={false}
          columns={[
            { title: t('analytics.asOf', { date: '' }), dataIndex: 'asOf' },
            {
              title: t('analytics.settings.started'),
              dataIndex: 'startedAt',
              render: (v: string) => new Date(v).toLocaleString(),
            },
            {
              title: t('analytics.settings.status'),
              render: (_, r) => (
                <Tag
                  color={r.status === 'failed' ? 'red' : r.status === 'running' ? 'blue' : 'green'}
                  title={r.error ?? ''}
                >
                  {t(`analytics.runStatus.${r.status}`)}
                </Tag>
              ),
            },
            {
              title: t('analytics.settings.model'),
              render: (_, r) =>
                r.error ??
                (r.params?.bgNbd
                  ? Object.entries(r.params.bgNbd)
                      .map(([k, v]) => `${k} ${v.toPrecision(3)}`)
                      .join(' · ')
                  : ''),
            },
          ]}
        />
      </Card>
    </>
  );
}
