/**
 * One analytics run in memory: from each account's shipments per day to its snapshot row. Pure — the
 * models and scores are src/analytics; this file only decides windows, classes and the rules.
 */
import {
  abcClasses,
  conditionalExpectedAverageValue,
  conditionalExpectedPurchases,
  customerLifetimeValue,
  dayNumber,
  fitBgNbd,
  fitGammaGamma,
  isoDate,
  probabilityAlive,
  type RepeatHistory,
  rfmScores,
  rfmSummary,
  type Transaction,
  unitDays,
} from '../../../analytics/index.js';
import type { AnalyticsSettings, ValueQuadrant } from '../../../shared/analytics.js';
import { churnRisk, lifecycleStage, suggestTier } from './rules.js';

/** One account's non-cancelled shipments grouped by company-calendar day (ascending). */
export interface AccountDays {
  accountId: string;
  /** Day numbers (days since 1970-01-01). */
  days: number[];
  shipments: number[];
  revenue: number[];
  cost: number[];
}

export interface SegmentRow {
  accountId: string;
  rDays: number;
  frequency: number;
  monetary: number;
  rScore: number;
  fScore: number;
  mScore: number;
  rfmSegment: string;
  abcClass: string;
  expected90d: number;
  expected365d: number;
  pAlive: number;
  expectedAvgRevenue: number;
  clv12m: number;
  currentValue: number;
  valueQuadrant: ValueQuadrant;
  lifecycleStage: string;
  lifecycleReason: Record<string, unknown>;
  churnRisk: number;
  churnReasons: Record<string, unknown>[];
  suggestedTier: string;
}

export interface ComputedRun {
  rows: SegmentRow[];
  params: Record<string, unknown>;
  diagnostics: Record<string, unknown>;
  counts: Record<string, number>;
}

/** Value at percentile p (0–1) of the values, nearest rank. */
export function percentileOf(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function computeRun(
  accounts: readonly AccountDays[],
  asOf: string,
  settings: AnalyticsSettings,
  progress: (percent: number, phase: string) => void = () => {},
): ComputedRun {
  const asOfDay = dayNumber(asOf);
  const windowDays = Math.round((settings.windowMonths * 365) / 12);
  const windowStart = asOfDay - windowDays + 1;
  let futureShipments = 0;
  const transactions: Transaction[] = [];
  const perAccount = new Map<
    string,
    {
      first: number;
      last: number;
      shipments: number;
      revenue: number;
      profit: number;
      last90: number;
      prev90: number;
    }
  >();
  for (const a of accounts) {
    let s: ReturnType<typeof perAccount.get>;
    for (let i = 0; i < a.days.length; i++) {
      const day = a.days[i];
      if (day > asOfDay) {
        futureShipments += a.shipments[i];
        continue;
      }
      transactions.push({ customerId: a.accountId, date: isoDate(day), amount: a.revenue[i] });
      if (!s) {
        s = { first: day, last: day, shipments: 0, revenue: 0, profit: 0, last90: 0, prev90: 0 };
        perAccount.set(a.accountId, s);
      }
      s.first = Math.min(s.first, day);
      s.last = Math.max(s.last, day);
      if (day >= windowStart) {
        s.shipments += a.shipments[i];
        s.revenue += a.revenue[i];
        s.profit += a.revenue[i] - a.cost[i];
      }
      if (day > asOfDay - 90) s.last90 += a.shipments[i];
      else if (day > asOfDay - 180) s.prev90 += a.shipments[i];
    }
  }
  progress(20, 'summary');
  const summary = rfmSummary(transactions, { end: asOf, unit: settings.timeUnit }).customers;
  const rfm = rfmScores(
    summary.map((c) => {
      const s = perAccount.get(c.customerId)!;
      return {
        customerId: c.customerId,
        recencyDays: asOfDay - s.last,
        frequency: s.shipments,
        monetary: s.revenue,
      };
    }),
  );
  progress(30, 'fit');
  const bg = fitBgNbd(summary);
  // Gamma-Gamma is scale-equivariant (γ scales with money, p and q do not): fit on spend divided by the
  // mean repeat spend, so the estimate stays well inside the optimiser's bounds whatever the currency unit
  let spendSum = 0;
  let spenders = 0;
  for (const c of summary)
    if (c.frequency > 0 && c.monetaryValue > 0) {
      spendSum += c.monetaryValue;
      spenders++;
    }
  const spendScale = spenders > 0 ? spendSum / spenders : 1;
  const scaled = (c: { frequency: number; monetaryValue: number }) => ({
    frequency: c.frequency,
    monetaryValue: c.monetaryValue / spendScale,
  });
  const gg = fitGammaGamma(summary.map(scaled));
  progress(50, 'predict');
  const unit = unitDays(settings.timeUnit);
  // identical histories give identical predictions: compute each once
  const cache = new Map<string, { e90: number; e365: number; pAlive: number; clvPerValue: number }>();
  const predict = (h: RepeatHistory) => {
    const key = `${h.frequency}:${h.recency}:${h.T}`;
    let p = cache.get(key);
    if (!p) {
      p = {
        e90: conditionalExpectedPurchases(bg.params, 90 / unit, h),
        e365: conditionalExpectedPurchases(bg.params, 365 / unit, h),
        pAlive: probabilityAlive(bg.params, h),
        // CLV is linear in E(M): compute it once per history for E(M) = 1
        clvPerValue: customerLifetimeValue(bg.params, h, 1, {
          unit: settings.timeUnit,
          horizonMonths: settings.horizonMonths,
          monthlyDiscountRate: settings.monthlyDiscount,
        }),
      };
      cache.set(key, p);
    }
    return p;
  };
  const abc = abcClasses(
    summary.map((c) => {
      const s = perAccount.get(c.customerId)!;
      return { id: c.customerId, value: settings.abcBasis === 'revenue' ? s.revenue : s.profit };
    }),
    { a: settings.abcA, b: settings.abcB },
  );
  const abcOf = new Map(abc.map((r) => [r.id, r.class]));
  progress(70, 'segments');
  const partial = summary.map((c, i) => {
    const s = perAccount.get(c.customerId)!;
    const p = predict(c);
    const avg = spendScale * conditionalExpectedAverageValue(gg.params, scaled(c));
    return { c, s, p, avg, clv: p.clvPerValue * avg, r: rfm[i] };
  });
  const currentCut = percentileOf(
    partial.map((x) => x.s.profit),
    settings.valueSplit.currentPercentile,
  );
  const clvCut = percentileOf(
    partial.map((x) => x.clv),
    settings.valueSplit.clvPercentile,
  );
  const rows: SegmentRow[] = partial.map(({ c, s, p, avg, clv, r }) => {
    const high = s.profit > currentCut && s.profit > 0;
    const promising = clv > clvCut && clv > 0;
    const valueQuadrant: ValueQuadrant =
      high && promising ? 'star' : high ? 'cash_cow' : promising ? 'potential' : 'low_value';
    const facts = {
      ageDays: asOfDay - s.first,
      recencyDays: asOfDay - s.last,
      last90: s.last90,
      prev90: s.prev90,
      pAlive: p.pAlive,
    };
    const stage = lifecycleStage(facts, settings.lifecycle);
    const risk = churnRisk(facts, settings.churnWeights);
    const abcClass = abcOf.get(c.customerId)!;
    return {
      accountId: c.customerId,
      rDays: r.recencyDays,
      frequency: r.frequency,
      monetary: r.monetary,
      rScore: r.r,
      fScore: r.f,
      mScore: r.m,
      rfmSegment: r.segment,
      abcClass,
      expected90d: p.e90,
      expected365d: p.e365,
      pAlive: p.pAlive,
      expectedAvgRevenue: avg,
      clv12m: clv,
      currentValue: s.profit,
      valueQuadrant,
      lifecycleStage: stage.stage,
      lifecycleReason: stage.reason,
      churnRisk: risk.score,
      churnReasons: risk.reasons,
      suggestedTier: suggestTier(abcClass, valueQuadrant, stage.stage),
    };
  });
  return {
    rows,
    params: {
      bgNbd: bg.params,
      gammaGamma: { ...gg.params, gamma: gg.params.gamma * spendScale },
      gammaGammaFittedScale: spendScale,
      timeUnit: settings.timeUnit,
      money: 'cents',
    },
    diagnostics: {
      bgNbd: bg.diagnostics,
      gammaGamma: gg.diagnostics,
      valueSplit: { currentValueCut: currentCut, clvCut },
      distinctHistories: cache.size,
    },
    counts: {
      accounts: accounts.length,
      segmented: rows.length,
      transactionDays: transactions.length,
      futureShipments,
      repeatCustomers: gg.diagnostics.customers,
    },
  };
}
