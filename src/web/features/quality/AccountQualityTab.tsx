import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Segmented, Select, Skeleton, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/ErrorPages';
import { type AccountQualityDto, days, money, pct, useAccountQuality } from './api';
import { ServiceTargetsDialog } from './ServiceTargetsDialog';
import { TrendChart } from './TrendChart';

interface Line {
  key: string;
  label: string;
  actual: ReactNode;
  target?: string;
  met?: boolean | null;
}

/** The account's KPIs against its targets, one line per measure. */
function lines(q: AccountQualityDto, t: TFunction, locale: string): Line[] {
  const k = q.kpis;
  const g = q.targets;
  const atLeast = (v: string) => t('accountQuality.atLeast', { value: v });
  const atMost = (v: string) => t('accountQuality.atMost', { value: v });
  return [
    {
      key: 'onTimeRate',
      label: t('quality.onTimeRate'),
      actual: pct(k?.onTimeRate),
      target: atLeast(pct(g.onTimeRate)),
      met: q.meets.onTimeRate,
    },
    {
      key: 'intactRate',
      label: t('quality.intactRate'),
      actual: pct(k?.intactRate),
      target: atLeast(pct(g.intactRate)),
      met: q.meets.intactRate,
    },
    { key: 'transitMedian', label: t('accountQuality.transitMedian'), actual: days(k?.transitMedianDays) },
    {
      key: 'transitP90Days',
      label: t('accountQuality.transitP90'),
      actual: days(k?.transitP90Days),
      target: atMost(days(g.transitP90Days)),
      met: q.meets.transitP90Days,
    },
    {
      key: 'complaintsPer1000',
      label: t('accountQuality.complaintRate'),
      actual: (
        <>
          {q.complaints.per1000Shipments === null ? '—' : q.complaints.per1000Shipments.toFixed(1)}{' '}
          <Typography.Text type="secondary">
            ({t('accountQuality.complaints', { count: q.complaints.count })})
          </Typography.Text>
        </>
      ),
      target: atMost(String(g.complaintsPer1000)),
      met: q.meets.complaintsPer1000,
    },
    { key: 'volume', label: t('quality.volume'), actual: k?.volume ?? 0 },
    { key: 'revenue', label: t('quality.revenue'), actual: k ? money(k.revenueCents, locale) : '—' },
    { key: 'margin', label: t('quality.margin'), actual: k ? money(k.grossMarginCents, locale) : '—' },
    {
      key: 'grossMarginRate',
      label: t('accountQuality.marginRate'),
      actual: pct(k?.grossMarginRate),
      target: atLeast(pct(g.grossMarginRate)),
      met: q.meets.grossMarginRate,
    },
  ];
}

/** Account 360° "Service quality": KPIs of a recent period against the account's targets, and the trend. */
export function AccountQualityTab({ accountId, mayEdit }: { accountId: string; mayEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [months, setMonths] = useState(12);
  const [trend, setTrend] = useState<'month' | 'week'>('month');
  const [editing, setEditing] = useState(false);
  const from = dayjs()
    .startOf('month')
    .subtract(months - 1, 'month')
    .format('YYYY-MM-DD');
  const to = dayjs().add(1, 'day').format('YYYY-MM-DD');
  const q = useAccountQuality(accountId, { from, to, trend });

  if (q.isPending) return <Skeleton active />;
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data;
  const state = (met: boolean | null | undefined) =>
    met === undefined ? null : met === null ? (
      <Tag>{t('accountQuality.notMeasured')}</Tag>
    ) : met ? (
      <Tag color="green">{t('accountQuality.met')}</Tag>
    ) : (
      <Tag color="red">{t('accountQuality.missed')}</Tag>
    );
  return (
    <Flex vertical gap={16} data-testid="account-quality">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex gap={8} align="center" wrap>
          <Select
            aria-label={t('accountQuality.period')}
            value={months}
            onChange={setMonths}
            style={{ width: 160 }}
            options={[3, 6, 12].map((m) => ({ value: m, label: t('accountQuality.last', { months: m }) }))}
          />
          <Typography.Text type="secondary" data-testid="targets-source">
            {data.targets.source === 'account'
              ? t('accountQuality.targetsOwn')
              : t('accountQuality.targetsFromTier', {
                  tier: t(`accountQuality.tiers.${data.tier as 'general'}`, { defaultValue: data.tier }),
                })}
          </Typography.Text>
        </Flex>
        {mayEdit && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="targets-edit">
            {t('accountQuality.editTargets')}
          </Button>
        )}
      </Flex>
      {!data.kpis && <Alert type="info" showIcon title={t('accountQuality.noShipments')} />}
      <Table<Line>
        rowKey="key"
        size="small"
        pagination={false}
        data-testid="account-quality-table"
        dataSource={lines(data, t, i18n.language)}
        columns={[
          { title: t('accountQuality.measure'), dataIndex: 'label' },
          { title: t('accountQuality.actual'), render: (_, l) => l.actual },
          { title: t('accountQuality.target'), render: (_, l) => l.target ?? t('accountQuality.noTarget') },
          { title: t('accountQuality.state'), render: (_, l) => state(l.met) },
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('quality.trend')}
        </Typography.Title>
        <Segmented
          value={trend}
          onChange={(v) => setTrend(v as 'month' | 'week')}
          options={[
            { value: 'month', label: t('quality.monthly') },
            { value: 'week', label: t('quality.weekly') },
          ]}
        />
      </Flex>
      {data.trend.length ? <TrendChart rows={data.trend} rule={data.rule} /> : <Empty />}
      <Typography.Text type="secondary">
        {t('accountQuality.ruleNote', { rule: t(`quality.rule.${data.rule}`), timeZone: data.timeZone })}
      </Typography.Text>
      {editing && (
        <ServiceTargetsDialog
          accountId={accountId}
          targets={data.targets}
          open
          onClose={() => setEditing(false)}
        />
      )}
    </Flex>
  );
}
