import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TRANSPORT_MODE_LABELS, type TransportMode } from '../../../shared/customers/labels';
import { days, type KpiCut, type KpiDto, type KpiSort, money, type OnTimeRule, pct } from './api';
import { drillUrl } from './drill';

export interface KpiRanking {
  sort: KpiSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  total: number;
}

/**
 * One page of KPIs by carrier, lane, account or mode, ranked by the server (the sortable columns ask
 * it for another ranking); every count links to the shipments behind it.
 */
export function KpiTable({
  rows,
  cut,
  rule,
  from,
  to,
  loading,
  ranking,
  onRank,
}: {
  rows: KpiDto[];
  cut: KpiCut;
  rule: OnTimeRule;
  from: string;
  to: string;
  loading: boolean;
  ranking: KpiRanking;
  onRank: (r: { sort: KpiSort; order: 'asc' | 'desc'; page: number }) => void;
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
  const sorted = (sort: KpiSort) => ({
    key: sort,
    sorter: true,
    sortDirections: ['descend', 'ascend'] as ('descend' | 'ascend')[],
    sortOrder:
      ranking.sort === sort ? (ranking.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
  });
  return (
    <Table<KpiDto>
      rowKey="key"
      size="small"
      data-testid="kpi-table"
      loading={loading}
      dataSource={rows}
      pagination={{
        current: ranking.page,
        pageSize: ranking.pageSize,
        total: ranking.total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (n) => t('quality.rows', { count: n }),
      }}
      onChange={(pagination, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        // a sort switched off goes back to the default ranking; another ranking starts on page 1
        const sort = (s?.order && s.columnKey ? s.columnKey : 'volume') as KpiSort;
        const order = s?.order === 'ascend' ? 'asc' : 'desc';
        const changed = sort !== ranking.sort || order !== ranking.order;
        onRank({ sort, order, page: changed ? 1 : (pagination.current ?? 1) });
      }}
      scroll={{ x: 1000 }}
      columns={[
        { title: t(`quality.cut.${cut}`), render: (_, r) => name(r), fixed: 'left' },
        {
          title: t('quality.volume'),
          ...sorted('volume'),
          render: (_, r) => link(r, 'volume', r.volume),
        },
        {
          title: t('quality.delivered'),
          ...sorted('delivered'),
          render: (_, r) => link(r, 'delivered', r.delivered),
        },
        {
          title: `${t('quality.onTimeRate')} (${t(`quality.rule.${rule}`)})`,
          ...sorted('onTimeRate'),
          render: (_, r) => pct(r.onTimeRate),
        },
        {
          title: t('quality.lateCount'),
          ...sorted('late'),
          render: (_, r) => link(r, 'late', r.judged - r.onTime, `late-${r.key}`),
        },
        {
          title: t('quality.intactRate'),
          ...sorted('intactRate'),
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
          ...sorted('revenue'),
          render: (_, r) => money(r.revenueCents, i18n.language),
        },
        {
          title: t('quality.margin'),
          align: 'right',
          ...sorted('margin'),
          render: (_, r) => `${money(r.grossMarginCents, i18n.language)} (${pct(r.grossMarginRate)})`,
        },
      ]}
    />
  );
}
