import { Alert, Card, Col, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { LoadError } from '../../components/ErrorPages';
import { useAnalyticsSettings, useOverview, useRuns } from './api';
import { MovementTable } from './MovementTable';
import { RunButton } from './RunButton';
import { LifecycleFunnel, ParetoChart, RfmHeatmap, ValueMatrixChart } from './SegmentCharts';

/** The current snapshot at a glance: ABC Pareto, RFM grid, value matrix, lifecycle, movements. */
export default function SegmentationPage() {
  const { t } = useTranslation();
  const overview = useOverview();
  const settings = useAnalyticsSettings();
  const runs = useRuns();
  const lastFailed = runs.data?.items[0]?.status === 'failed' ? runs.data.items[0] : null;
  const header = (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('analytics.title')}
        </Typography.Title>
        {overview.data && (
          <Typography.Text type="secondary" data-testid="snapshot-date">
            {t('analytics.asOf', { date: overview.data.run.asOf })}
          </Typography.Text>
        )}
      </div>
      <RunButton />
    </Flex>
  );
  if (overview.isPending) return <Skeleton active />;
  if (overview.error && !isApiError(overview.error, 'NOT_FOUND'))
    return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  const failed = lastFailed && (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('analytics.runFailed', { error: lastFailed.error })}
    />
  );
  if (!overview.data)
    return (
      <>
        {header}
        {failed}
        <Alert type="info" showIcon title={t('analytics.noRun')} />
      </>
    );
  const o = overview.data;
  const s = settings.data?.settings;
  return (
    <>
      {header}
      {failed}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('analytics.abcPareto')}>
            <Flex gap={24} style={{ marginBottom: 8 }}>
              {(['A', 'B', 'C'] as const).map((c) => (
                <Link key={c} to={`/accounts?abcClass=${c}`}>
                  <Statistic title={t('analytics.badges.abc', { abc: c })} value={o.abc[c] ?? 0} />
                </Link>
              ))}
            </Flex>
            <ParetoChart overview={o} a={s?.abcA ?? 0.8} b={s?.abcB ?? 0.95} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('analytics.rfmGrid')}>
            <RfmHeatmap overview={o} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={t('analytics.valueMatrix')}
            extra={
              <Typography.Text type="secondary">
                {t('analytics.valueMatrixNote', {
                  shown: o.valueMatrix.points.length,
                  total: o.valueMatrix.accounts,
                })}
              </Typography.Text>
            }
          >
            <ValueMatrixChart overview={o} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('analytics.funnel')}>
            <LifecycleFunnel overview={o} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('analytics.movement')}>
            <MovementTable currentRunId={o.run.id} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
