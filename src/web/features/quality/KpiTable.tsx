import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TRANSPORT_MODE_LABELS, type TransportMode } from '../../../shared/customers/labels';
import { days, type KpiCut, type KpiDto, money, type OnTimeRule, pct } from './api';
import { drillUrl } from './drill';

/** KPIs by carrier, lane, account or mode; every count links to the shipments behind it. */
export function KpiTable({
  rows,
  cut,
  rule,
  from,
  to,
  loading,
}: {
  rows: KpiDto[];
  cut: KpiCut;
  rule: OnTimeRule;
  from: string;
  to: string;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const link = (r: KpiDto, what: Parameters<typeof drillUrl>[1], n: number, testId?: string) => {
    const url = drillUrl({ from, to, cut, key: r.key, rule }, what);
    return url && n > 0 ? (
      <Link to={url} data-testid={testId}>
        {n}
      </Link>
    ) : (
      n
    );
  };
  const name = (r: KpiDto) => {
    if (cut === 'mode')
      return TRANSPORT_MODE_LABELS[r.key as TransportMode]?.[i18n.language as 'zh-CN'] ?? r.key;
    if (cut === 'carrier' && !r.key) return t('quality.noCarrier');
    return r.label ?? r.key;
  };
  return (
    <Table<KpiDto>
      rowKey="key"
      size="small"
      data-testid="kpi-table"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 1000 }}
      columns={[
        { title: t(`quality.cut.${cut}`), render: (_, r) => name(r), fixed: 'left' },
        {
          title: t('quality.volume'),
          sorter: (a, b) => a.volume - b.volume,
          render: (_, r) => link(r, 'volume', r.volume),
        },
        { title: t('quality.delivered'), render: (_, r) => link(r, 'delivered', r.delivered) },
        {
          title: `${t('quality.onTimeRate')} (${t(`quality.rule.${rule}`)})`,
          sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1),
          render: (_, r) => pct(r.onTimeRate),
        },
        {
          title: t('quality.lateCount'),
          sorter: (a, b) => a.judged - a.onTime - (b.judged - b.onTime),
          render: (_, r) => link(r, 'late', r.judged - r.onTime, `late-${r.key}`),
        },
        {
          title: t('quality.intactRate'),
          render: (_, r) =>
            r.intactRate === null ? (
              pct(null)
            ) : (
              <>
                {pct(r.intactRate)} ({link(r, 'cargoIssue', Math.round(r.delivered * (1 - r.intactRate)))})
              </>
            ),
        },
        {
          title: t('quality.transit'),
          render: (_, r) => `${days(r.transitMedianDays)} / ${days(r.transitP90Days)}`,
        },
        {
          title: t('quality.revenue'),
          align: 'right',
          render: (_, r) => money(r.revenueCents, i18n.language),
        },
        {
          title: t('quality.margin'),
          align: 'right',
          render: (_, r) => `${money(r.grossMarginCents, i18n.language)} (${pct(r.grossMarginRate)})`,
        },
      ]}
    />
  );
}
