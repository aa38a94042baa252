import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { companySettings } from '../organization/settings.js';
import type { OnTimeRule } from './formulas.js';
import { type KpiPage, rankedAccountRows, rankRows } from './ranking.js';
import { type KpiCut, type KpiQuery, type KpiRow, type KpiTrend, kpiRows } from './repo.js';
import { kpiRowsFromRollup, rollupTimeZone } from './rollup.js';

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

export function toKpiDto(r: KpiRow, rule: OnTimeRule) {
  const onTime = rule === 'date' ? r.on_time_date : r.on_time_ts;
  const judged = rule === 'date' ? r.judged_date : r.judged_ts;
  const revenue = Number(r.revenue_cents);
  const cost = Number(r.cost_cents);
  return {
    key: r.key,
    label: r.label,
    bucket: r.bucket,
    delivered: r.delivered,
    judged,
    onTime,
    onTimeRate: ratio(onTime, judged),
    onTimeRateTimestamp: ratio(r.on_time_ts, r.judged_ts),
    onTimeRateDate: ratio(r.on_time_date, r.judged_date),
    onTimeTimestamp: r.on_time_ts,
    onTimeDate: r.on_time_date,
    intactRate: r.delivered ? 1 - r.cargo_issues / r.delivered : null,
    transitMedianDays: r.transit_p50 === null ? null : Number(r.transit_p50),
    transitP90Days: r.transit_p90 === null ? null : Number(r.transit_p90),
    volume: r.volume,
    revenueCents: revenue,
    costCents: cost,
    grossMarginCents: revenue - cost,
    grossMarginRate: ratio(revenue - cost, revenue),
  };
}
export type KpiDto = ReturnType<typeof toKpiDto>;

export interface KpiRequest {
  from: string;
  to: string;
  cut: KpiCut;
  trend: KpiTrend;
  rule?: OnTimeRule;
  accountId?: string;
  carrierId?: string;
  mode?: string;
  origin?: string;
  destination?: string;
  /** A page of the cut's rows, ranked (ranking.ts); without it, every row ordered by key. */
  page?: Partial<KpiPage> & { limit: number };
}

/** KPIs for [from, to) in the company zone; the on-time rule defaults to the organisation setting. */
export async function shipmentKpis(db: DbOrTx, req: KpiRequest) {
  if (req.to <= req.from) throw new AppError('VALIDATION_FAILED', { fields: { to: 'date.range' } });
  const { page, ...rest } = req;
  if (page && req.trend !== 'none')
    throw new AppError('VALIDATION_FAILED', { fields: { limit: 'kpi.pageWithTrend' } });
  const settings = await companySettings(db);
  const q: KpiQuery = { ...rest, timeZone: settings.timezone, rule: req.rule ?? settings.onTimeRule };
  const ranked = page && {
    sort: page.sort ?? 'volume',
    order: page.order ?? 'desc',
    limit: page.limit,
    offset: page.offset ?? 0,
  };
  let result: { rows: KpiRow[]; total?: number };
  if (ranked && q.cut === 'account') {
    // no rollup keeps accounts: ranked in SQL, transit percentiles for the page's accounts only
    result = await rankedAccountRows(db, q, ranked);
  } else {
    // the rollup answers whenever its days were cut in the company's zone (it is rebuilt when that changes)
    const rows =
      (await rollupTimeZone(db)) === q.timeZone ? await kpiRowsFromRollup(db, q) : await kpiRows(db, q);
    result = ranked ? rankRows(rows, ranked, q.rule) : { rows };
  }
  return {
    from: q.from,
    to: q.to,
    timeZone: q.timeZone,
    rule: q.rule,
    cut: q.cut,
    trend: q.trend,
    /** The cut's row count, given with a page (undefined: not serialised). */
    total: result.total,
    rows: result.rows.map((r) => toKpiDto(r, q.rule)),
  };
}
