import {
  Alert,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Segmented,
  Select,
  Statistic,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  FOLLOW_UP_OUTCOMES,
  one,
  type SurveyCut,
  type SurveyResults,
  useSurveyResults,
  type WeightMethod,
} from './api';
import { CsiGauge, DimensionBars, ImportancePerformance, NpsDistribution, SurveyTrend } from './SurveyCharts';
import { SurveyComments } from './SurveyComments';

const CUTS: SurveyCut[] = ['account', 'tier', 'carrier', 'lane', 'mode', 'punctuality'];
const METHODS: WeightMethod[] = ['equal', 'configured', 'importance', 'regression'];
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

function defaultPeriod() {
  const start = dayjs().startOf('month').subtract(11, 'month');
  // whole months (read from the rollup), through the month of the day after tomorrow: the company's zone
  // (Asia/Shanghai by default) may already be a day ahead of the browser
  const end = dayjs().add(2, 'day').startOf('month').add(1, 'month');
  return { from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') };
}

function GroupTable({ r, cut, loading }: { r: SurveyResults | undefined; cut: SurveyCut; loading: boolean }) {
  const { t } = useTranslation();
  const label = (g: SurveyResults['groups'][number]) =>
    g.label ??
    (cut === 'punctuality' && (g.key === 'on_time' || g.key === 'late')
      ? t(`surveys.punctuality.${g.key}`)
      : g.key || t('surveys.none'));
  return (
    <Table
      rowKey="key"
      size="small"
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={r?.groups ?? []}
      columns={[
        { title: t('surveys.group'), render: (_, g) => label(g) },
        {
          title: t('surveys.responses'),
          dataIndex: 'responses',
          align: 'right',
          sorter: (a, b) => a.responses - b.responses,
        },
        { title: t('surveys.responseRate'), render: (_, g) => pct(g.responseRate), align: 'right' },
        {
          title: t('surveys.csi'),
          render: (_, g) => one(g.csi),
          align: 'right',
          sorter: (a, b) => (a.csi ?? -1) - (b.csi ?? -1),
        },
        { title: t('surveys.nps'), render: (_, g) => one(g.nps), align: 'right' },
        { title: t('surveys.overall'), render: (_, g) => one(g.overallMean, 2), align: 'right' },
      ]}
    />
  );
}

/** Satisfaction results for a period: CSI, dimensions, NPS, trend, importance–performance, groups. */
export default function SurveyResultsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const def = defaultPeriod();
  const from = params.get('from') ?? def.from;
  const to = params.get('to') ?? def.to;
  const cut = (CUTS as string[]).includes(params.get('cut') ?? '')
    ? (params.get('cut') as SurveyCut)
    : 'tier';
  const weights = (METHODS as string[]).includes(params.get('weights') ?? '')
    ? (params.get('weights') as WeightMethod)
    : 'equal';
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) next.set(k, v);
    setParams(next, { replace: true });
  };
  const overall = useSurveyResults({ from, to, weights });
  const groups = useSurveyResults({ from, to, weights, cut });
  const r = overall.data;
  const error = overall.error ?? groups.error;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('surveys.title')}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            <Select
              data-testid="survey-weights"
              value={weights}
              style={{ minWidth: 160 }}
              onChange={(v) => set({ weights: v })}
              options={METHODS.map((m) => ({ value: m, label: t(`surveys.weights.${m}`) }))}
            />
            <DatePicker.RangePicker
              allowClear={false}
              value={[dayjs(from), dayjs(to).subtract(1, 'day')]}
              onChange={(v) =>
                v?.[0] &&
                v[1] &&
                set({ from: v[0].format('YYYY-MM-DD'), to: v[1].add(1, 'day').format('YYYY-MM-DD') })
              }
            />
          </Flex>
        </Flex>
        {r && (
          <Typography.Text type="secondary">
            {t('surveys.csiHelp')} ·{' '}
            {t('surveys.weightsUsed', { used: t(`surveys.weights.${r.weights.used}`) })}
          </Typography.Text>
        )}
      </Card>
      {error && <Alert type="error" showIcon message={error.message} />}
      {r && r.responses === 0 && <Alert type="info" showIcon message={t('surveys.noData')} />}
      {r && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Card title={t('surveys.csi')}>
                <CsiGauge csi={r.csi} />
              </Card>
            </Col>
            <Col xs={24} md={16}>
              <Card>
                <Flex wrap gap={32}>
                  <Statistic title={t('surveys.nps')} value={one(r.nps.nps)} data-testid="survey-nps" />
                  <Statistic
                    title={t('surveys.responses')}
                    value={r.responses}
                    data-testid="survey-responses"
                  />
                  <Statistic title={t('surveys.invited')} value={r.invited} />
                  <Statistic title={t('surveys.responseRate')} value={pct(r.responseRate)} />
                  <Statistic title={t('surveys.overall')} value={one(r.overall.mean, 2)} />
                  <Statistic title={t('surveys.csi')} value={one(r.csi)} data-testid="survey-csi" />
                  <Statistic
                    title={t('surveys.followUpOutcome.lowScores')}
                    value={r.followUps.lowScores}
                    data-testid="survey-low-scores"
                  />
                  <Statistic
                    title={t('surveys.followUpOutcome.share')}
                    value={pct(r.followUps.share)}
                    suffix={
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {FOLLOW_UP_OUTCOMES.map(
                          (o) => `${t(`surveys.followUpOutcome.${o}`)} ${r.followUps.outcomes[o]}`,
                        ).join(' · ')}
                      </Typography.Text>
                    }
                  />
                </Flex>
                <Typography.Title level={5}>{t('surveys.dimensions')}</Typography.Title>
                <DimensionBars r={r} />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card title={t('surveys.distribution')}>
                <NpsDistribution r={r} />
                <Typography.Text type="secondary">
                  {t('surveys.promoters')} {r.nps.promoters} · {t('surveys.passives')} {r.nps.passives} ·{' '}
                  {t('surveys.detractors')} {r.nps.detractors}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card title={t('surveys.ipa')}>
                <ImportancePerformance r={r} />
              </Card>
            </Col>
          </Row>
          <Card title={t('surveys.trend')}>
            <SurveyTrend r={r} />
          </Card>
        </>
      )}
      <Card
        title={t('surveys.breakdown')}
        extra={
          <Segmented
            value={cut}
            onChange={(v) => set({ cut: v })}
            options={CUTS.map((c) => ({ value: c, label: t(`surveys.cut.${c}`) }))}
          />
        }
      >
        <GroupTable r={groups.data} cut={cut} loading={groups.isFetching} />
      </Card>
      <SurveyComments from={from} to={to} />
    </Flex>
  );
}
