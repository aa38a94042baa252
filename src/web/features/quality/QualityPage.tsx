import { Alert, Card, DatePicker, Flex, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type KpiCut, type KpiSort, useKpis } from './api';
import { KpiCards } from './KpiCards';
import { KpiTable } from './KpiTable';
import { TrendChart } from './TrendChart';

const CUTS: KpiCut[] = ['carrier', 'lane', 'account', 'mode'];
const SORTS: KpiSort[] = ['volume', 'delivered', 'late', 'onTimeRate', 'intactRate', 'revenue', 'margin'];
const PAGE_SIZE = 20;

/** The last twelve whole months plus the current one, as [from, to). */
function defaultPeriod() {
  const start = dayjs().startOf('month').subtract(11, 'month');
  return { from: start.format('YYYY-MM-DD'), to: dayjs().add(1, 'day').format('YYYY-MM-DD') };
}

/** Service quality for a period: headline KPIs, trend, and a table by carrier, lane, account or mode. */
export default function QualityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const def = defaultPeriod();
  const from = params.get('from') ?? def.from;
  const to = params.get('to') ?? def.to;
  const trend = params.get('trend') === 'week' ? 'week' : 'month';
  const cut = (CUTS as string[]).includes(params.get('cut') ?? '')
    ? (params.get('cut') as KpiCut)
    : 'carrier';
  // the table is ranked and paged by the server: a cut by account has a row per customer
  const sort = (SORTS as string[]).includes(params.get('sort') ?? '')
    ? (params.get('sort') as KpiSort)
    : 'volume';
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) next.set(k, v);
    // another slice or ranking starts again at its first page
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };

  const overall = useKpis({ from, to });
  const trendQ = useKpis({ from, to, trend });
  const table = useKpis({
    from,
    to,
    cut,
    sort,
    order,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const rule = overall.data?.rule ?? 'timestamp';
  const error = overall.error ?? trendQ.error ?? table.error;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('quality.title')}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            <DatePicker.RangePicker
              data-testid="quality-period"
              allowClear={false}
              value={[dayjs(from), dayjs(to).subtract(1, 'day')]}
              onChange={(r) =>
                r?.[0] &&
                r[1] &&
                set({ from: r[0].format('YYYY-MM-DD'), to: r[1].add(1, 'day').format('YYYY-MM-DD') })
              }
            />
          </Flex>
        </Flex>
        {overall.data && (
          <Typography.Text type="secondary">
            {t('quality.periodNote', { timeZone: overall.data.timeZone, rule: t(`quality.rule.${rule}`) })}
          </Typography.Text>
        )}
      </Card>
      {error && <Alert type="error" showIcon message={error.message} />}
      <KpiCards row={overall.data?.rows[0]} rule={rule} from={from} to={to} />
      <Card
        title={t('quality.trend')}
        extra={
          <Segmented
            value={trend}
            onChange={(v) => set({ trend: v })}
            options={[
              { value: 'month', label: t('quality.monthly') },
              { value: 'week', label: t('quality.weekly') },
            ]}
          />
        }
      >
        <TrendChart rows={trendQ.data?.rows ?? []} rule={rule} />
      </Card>
      <Card
        title={t('quality.breakdown')}
        extra={
          <Segmented
            data-testid="quality-cut"
            value={cut}
            onChange={(v) => set({ cut: v })}
            options={CUTS.map((c) => ({ value: c, label: t(`quality.cut.${c}`) }))}
          />
        }
      >
        <KpiTable
          rows={table.data?.rows ?? []}
          cut={cut}
          rule={rule}
          from={from}
          to={to}
          loading={table.isFetching}
          ranking={{ sort, order, page, pageSize: PAGE_SIZE, total: table.data?.total ?? 0 }}
          onRank={(r) => set({ sort: r.sort, order: r.order, page: String(r.page) })}
        />
      </Card>
    </Flex>
  );
}
