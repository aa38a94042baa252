import { EditOutlined, StarOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { NotFoundPage } from '../../components/ErrorPages';
import { type ChartOption, useEChart } from '../../components/useEChart';
import { useCan } from '../auth/api';
import { pct } from '../quality/api';
import { type EvaluationDto, GRADE_COLOR, useEvaluations, usePartner } from './api';
import { EvaluateDialog } from './EvaluateDialog';
import { PartnerChildrenTable } from './PartnerChildrenTable';
import { PartnerFormDialog } from './PartnerFormDialog';

const period = (e: EvaluationDto) =>
  e.periodKind === 'quarter' ? `${e.periodStart} (Q)` : e.periodStart.slice(0, 7);

function HistoryChart({ items }: { items: EvaluationDto[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const rows = [...items].reverse();
    const r = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: rows.map(period) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          type: 'line',
          name: t('partners.score'),
          data: rows.map((e) => Number(e.score)),
          lineStyle: { width: 3 },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#cf1322' },
            // Below 70 grades D (scoring.ts: A ≥ 90, B ≥ 80, C ≥ 70).
            label: { formatter: 'D < 70' },
            data: [{ yAxis: 70 }],
          },
        },
        { type: 'line', name: t('quality.onTimeRate'), data: rows.map((e) => r(e.onTimeRate)) },
        { type: 'line', name: t('quality.intactRate'), data: rows.map((e) => r(e.intactRate)) },
      ],
    };
  }, [items, t]);
  const ref = useEChart(option);
  return <div ref={ref} data-testid="scorecard-chart" style={{ width: '100%', height: 300 }} />;
}

/** A partner's scorecard: current grade, exit warning, evaluation history as a chart and a table. */
export default function PartnerScorecardPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const partner = usePartner(id);
  const evals = useEvaluations(id);
  const can = useCan();
  const [dialog, setDialog] = useState<'edit' | 'evaluate' | null>(null);
  if (partner.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (isApiError(partner.error) && partner.error.status === 404) return <NotFoundPage />;
  if (partner.error) return <Alert type="error" showIcon message={partner.error.message} />;
  const p = partner.data;
  if (!p) return null;
  const items = evals.data?.items ?? [];
  const zh = i18n.language === 'zh-CN';
  const manage = can('partners.manage');
  return (
    <Flex vertical gap={16}>
      <Card
        extra={
          manage && (
            <Flex gap={8}>
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="partner-edit">
                {t('partnerEdit.edit')}
              </Button>
              {p.kind === 'carrier' && (
                <Button
                  icon={<StarOutlined />}
                  onClick={() => setDialog('evaluate')}
                  data-testid="partner-evaluate"
                >
                  {t('partnerEdit.evaluate')}
                </Button>
              )}
            </Flex>
          )
        }
        title={
          <Flex gap={8} align="center">
            <Link to="/partners">{t('partners.title')}</Link> / {p.code}
            {p.grade && (
              <Tag color={GRADE_COLOR[p.grade]} data-testid="partner-grade" style={{ fontSize: 16 }}>
                {p.grade}
              </Tag>
            )}
          </Flex>
        }
      >
        {p.exitWarning && (
          <Alert
            type="error"
            showIcon
            data-testid="exit-warning"
            message={t('partners.exitWarningText')}
            style={{ marginBottom: 12 }}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('partners.name')}>
            {zh ? (p.nameZh ?? p.nameEn) : (p.nameEn ?? p.nameZh)}
          </Descriptions.Item>
          <Descriptions.Item label={t('partners.kind')}>{t(`partners.kinds.${p.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('partners.status')}>
            {t(`partners.statuses.${p.status}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('partners.modes')}>
            {p.modes.join(', ') || t('common.none')}
          </Descriptions.Item>
          {p.kind === 'carrier' && (
            <Descriptions.Item label={t('logisticsNav.shipments')}>
              <Link to={`/shipments?carrierId=${p.id}`}>{t('partners.viewShipments')}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={(['qualifications', 'contacts', 'contracts'] as const).map((kind) => ({
            key: kind,
            label: t(`partnerEdit.${kind}`),
            children: <PartnerChildrenTable partnerId={p.id} kind={kind} items={p[kind]} editable={manage} />,
          }))}
        />
      </Card>
      {dialog === 'edit' && <PartnerFormDialog partner={p} onClose={() => setDialog(null)} />}
      {dialog === 'evaluate' && <EvaluateDialog partnerId={p.id} onClose={() => setDialog(null)} />}
      <Card title={t('partners.history')}>
        {items.length ? (
          <HistoryChart items={items} />
        ) : (
          <Typography.Text type="secondary">{t('partners.noEvaluations')}</Typography.Text>
        )}
      </Card>
      {items.length > 0 && (
        <Card>
          <Table<EvaluationDto>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={items}
            scroll={{ x: 800 }}
            columns={[
              { title: t('partners.period'), render: (_, e) => period(e) },
              { title: t('quality.delivered'), dataIndex: 'deliveredShipments' },
              { title: t('quality.onTimeRate'), render: (_, e) => pct(e.onTimeRate) },
              { title: t('quality.intactRate'), render: (_, e) => pct(e.intactRate) },
              { title: t('partners.serviceRating'), dataIndex: 'serviceRating' },
              { title: t('partners.priceRating'), dataIndex: 'priceRating' },
              { title: t('partners.score'), render: (_, e) => Number(e.score).toFixed(1) },
              {
                title: t('partners.grade'),
                render: (_, e) => (
                  <Flex gap={4}>
                    <Tag color={GRADE_COLOR[e.grade]}>{e.grade}</Tag>
                    {e.exitWarning && <Tag color="red">{t('partners.exitWarning')}</Tag>}
                  </Flex>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
