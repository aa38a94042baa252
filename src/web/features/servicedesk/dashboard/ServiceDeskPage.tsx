import { Alert, Card, Col, Empty, Row, Spin, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ServiceDeskKpis, useServiceDeskKpis } from '../api';
import { ComplaintRateChart, OpenTicketsChart, ParetoChart } from './DashboardCharts';

/** Minutes as "42 min" under two hours, else hours with one decimal. */
function useDuration() {
  const { t } = useTranslation();
  return (m: number | null) =>
    m === null
      ? t('common.none')
      : m < 120
        ? t('dashboard.minutes', { value: Math.round(m) })
        : t('dashboard.hours', { value: (m / 60).toFixed(1) });
}

/** The service-desk dashboard over the last 30 days: backlog, response and resolution times, SLA, complaints. */
export default function ServiceDeskPage() {
  const { t } = useTranslation();
  const q = useServiceDeskKpis();
  const duration = useDuration();
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.error) return <Alert type="error" showIcon title={q.error.message} />;
  const k = q.data;
  if (!k) return null;
  const rate = k.slaCompliance.rate;

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('dashboard.title')}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 14 }}>
            {t('dashboard.period')}
          </Typography.Text>
        </Typography.Title>
      </Col>
      <Col xs={12} lg={6}>
        <Card>
          <Statistic
            title={<Link to="/tickets?open=true">{t('dashboard.openTotal')}</Link>}
            value={k.open.total}
            valueRender={(v) => <span data-testid="kpi-open">{v}</span>}
          />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card>
          <Statistic
            title={t('dashboard.firstResponse')}
            value={`${duration(k.firstResponseMinutes.median)} / ${duration(k.firstResponseMinutes.p90)}`}
            valueRender={(v) => <span data-testid="kpi-first-response">{v}</span>}
          />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card>
          <Statistic
            title={t('dashboard.resolution')}
            value={`${duration(k.resolutionMinutes.median)} / ${duration(k.resolutionMinutes.p90)}`}
            valueRender={(v) => <span data-testid="kpi-resolution">{v}</span>}
          />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card>
          <Statistic
            title={t('dashboard.compliance')}
            value={rate === null ? t('common.none') : `${(rate * 100).toFixed(1)} %`}
            valueRender={(v) => <span data-testid="kpi-compliance">{v}</span>}
          />
          <Typography.Text type="secondary">
            {t('dashboard.complianceOf', { met: k.slaCompliance.met, closed: k.slaCompliance.closed })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('dashboard.openByAge')}>
          {k.open.total ? <OpenTicketsChart open={k.open} /> : <Empty description={t('dashboard.noData')} />}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          title={t('dashboard.complaintRate')}
          extra={
            k.complaints.shipments !== null && (
              <Typography.Text type="secondary">
                {t('dashboard.shipmentsBase', { count: k.complaints.shipments })}
              </Typography.Text>
            )
          }
        >
          {k.complaints.byCategory.length ? (
            <ComplaintRateChart complaints={k.complaints} />
          ) : (
            <Empty description={t('dashboard.noData')} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('dashboard.pareto')}>
          {k.pareto.length ? (
            <ParetoChart pareto={k.pareto} />
          ) : (
            <Empty description={t('dashboard.noData')} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('dashboard.agents')}>
          <Table<ServiceDeskKpis['agents'][number]>
            rowKey="agentId"
            size="small"
            pagination={false}
            data-testid="agent-workload"
            dataSource={k.agents}
            columns={[
              {
                title: t('dashboard.agent'),
                dataIndex: 'name',
                render: (n: string, a) => <Link to={`/tickets?assigneeId=${a.agentId}&open=true`}>{n}</Link>,
              },
              { title: t('dashboard.open'), dataIndex: 'open', align: 'right' },
              { title: t('dashboard.breachedOpen'), dataIndex: 'breachedOpen', align: 'right' },
              { title: t('dashboard.resolved'), dataIndex: 'resolved', align: 'right' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
