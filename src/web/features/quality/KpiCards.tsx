import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { days, type KpiDto, money, type OnTimeRule, pct } from './api';
import { drillUrl } from './drill';

/** The period's headline figures; the default on-time rule is the highlighted one. */
export function KpiCards({
  row,
  rule,
  from,
  to,
}: {
  row: KpiDto | undefined;
  rule: OnTimeRule;
  from: string;
  to: string;
}) {
  const { t, i18n } = useTranslation();
  const target = { from, to, cut: 'overall' as const, key: '', rule };
  const late = row ? row.judged - row.onTime : 0;
  const rate = (r: OnTimeRule) => (
    <Card
      size="small"
      data-testid={`kpi-ontime-${r}`}
      style={r === rule ? { borderColor: '#1f6feb', background: '#f0f6ff' } : undefined}
    >
      <Statistic
        title={
          <>
            {t('quality.onTimeRate')} · {t(`quality.rule.${r}`)}{' '}
            {r === rule && <Tag color="blue">{t('quality.default')}</Tag>}
          </>
        }
        value={pct(r === 'timestamp' ? row?.onTimeRateTimestamp : row?.onTimeRateDate)}
      />
    </Card>
  );
  const volumeUrl = drillUrl(target, 'volume');
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} sm={12} lg={6}>
        {rate(rule)}
      </Col>
      <Col xs={24} sm={12} lg={6}>
        {rate(rule === 'timestamp' ? 'date' : 'timestamp')}
      </Col>
      <Col xs={12} sm={12} lg={4}>
        <Card size="small">
          <Statistic title={t('quality.intactRate')} value={pct(row?.intactRate)} />
        </Card>
      </Col>
      <Col xs={12} sm={12} lg={4}>
        <Card size="small">
          <Statistic
            title={t('quality.transit')}
            value={`${days(row?.transitMedianDays)} / ${days(row?.transitP90Days)}`}
            suffix={t('quality.days')}
          />
        </Card>
      </Col>
      <Col xs={12} sm={12} lg={4}>
        <Card size="small">
          <Statistic
            title={t('quality.lateCount')}
            valueRender={() => (
              <Link to={drillUrl(target, 'late') ?? '#'} data-testid="kpi-late-link">
                {late}
              </Link>
            )}
          />
        </Card>
      </Col>
      <Col xs={12} sm={8} lg={8}>
        <Card size="small">
          <Statistic
            title={t('quality.volume')}
            valueRender={() => <Link to={volumeUrl ?? '#'}>{row?.volume ?? 0}</Link>}
          />
        </Card>
      </Col>
      <Col xs={12} sm={8} lg={8}>
        <Card size="small">
          <Statistic title={t('quality.revenue')} value={money(row?.revenueCents ?? 0, i18n.language)} />
        </Card>
      </Col>
      <Col xs={24} sm={8} lg={8}>
        <Card size="small">
          <Statistic
            title={t('quality.margin')}
            value={money(row?.grossMarginCents ?? 0, i18n.language)}
            suffix={<Typography.Text type="secondary">({pct(row?.grossMarginRate)})</Typography.Text>}
          />
        </Card>
      </Col>
    </Row>
  );
}
