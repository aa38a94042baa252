/**
 * One analytics run in memory: from each account's aggregated shipment figures to its snapshot row. Pure — the
 * models and scores are src/analytics; this file only decides windows, classes and the rules.
 */
import {
  abcClasses,
  conditionalExpectedAverageValue,
  discountedValue,
  expectedPurchasesIfAlive,
  fitBgNbd,
  fitGammaGamma,
  probabilityAlive,
  type RepeatHistory,
  rfmScores,
  unitDays,
} from '../../../analytics/index.js';
import type { AnalyticsSettings, ValueQuadrant } from '../../../shared/analytics.js';
import { churnRisk, lifecycleStage, suggestTier } from './rules.js';
import type { ServiceSignals } from './serviceSignals.js';

/**
 * One account's shipment figures, aggregated in SQL (runService.loadAccountFigures). Days are counted
 * relative to the as-of day (0 = the as-of day, −1 = the day before); only non-cancelled shipments.
 */
export interface AccountFigures extends ServiceSignals {
  accountId: string;
  /** First and last shipment day up to the as-of day; null when every shipment is later. */
  first: number | null;
  last: number | null;
  /** Distinct shipment days up to the as-of day (purchase occasions). */
  days: number;
  /** Revenue up to the as-of day, and of the first shipment day alone. */
  revenue: number;
  firstRevenue: number;
  windowShipments: number;
  windowRevenue: number;
  windowProfit: number;
  /** Shipments in the last 90 days and in the 90 days before. */
  last90: number;
  prev90: number;
  /** Shipments dated after the as-of day (not used). */
  futureShipments: number;
}

export const windowDaysOf = (settings: AnalyticsSettings) => Math.round((settings.windowMonths * 365) / 12);

/**
 * The CDNOW repeat-purchase summary (src/analytics/summary.ts rfmSummary) from the aggregated figures:
 * x = occasions − 1, t_x = last − first, T = as-of − first, m_x = mean revenue of the repeat occasions.
 */
export interface RepeatSummary extends RepeatHistory {
  customerId: string;
  monetaryValue: number;
}

export function repeatSummary(a: AccountFigures, unit: number): RepeatSummary | null {
  if (a.first === null || a.last === null || a.days === 0) return null;
  const frequency = a.days - 1;
  return {
    customerId: a.accountId,
    frequency,
    recency: (a.last - a.first) / unit,
    T: -a.first / unit,
    monetaryValue: frequency > 0 ? (a.revenue - a.firstRevenue) / frequency : 0,
  };
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
  accounts: readonly AccountFigures[],
  settings: AnalyticsSettings,
  progress: (percent: number, phase: string) => void = () => {},
): ComputedRun {
  const unit = unitDays(settings.timeUnit);
  let futureShipments = 0;
  const summary: RepeatSummary[] = [];
  const perAccount: AccountFigures[] = [];
  for (const a of accounts) {
    futureShipments += a.futureShipments;
    const c = repeatSummary(a, unit);
    if (!c) continue;
    summary.push(c);
    perAccount.push(a);
  }
  progress(20, 'summary');
  const rfm = rfmScores(
    perAccount.map((s) => ({
      customerId: s.accountId,
      recencyDays: -(s.last as number),
      frequency: s.windowShipments,
      monetary: s.windowRevenue,
    })),
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
  // E[Y(t)] / P(alive) depends on (x, T) only: computed once per distinct (x, T), then scaled by each
  // account's P(alive); CLV is linear in E[Y] and in E(M), so it is scaled the same way
  const clvOptions = {
    unit: settings.timeUnit,
    horizonMonths: settings.horizonMonths,
    monthlyDiscountRate: settings.monthlyDiscount,
  };
  const ifAlive = new Map<string, { e90: number; e365: number; clvPerValue: number }>();
  const predict = (h: RepeatHistory) => {
    const key = `${h.frequency}:${h.T}`;
    let p = ifAlive.get(key);
    if (!p) {
      const cumulative = (t: number) => expectedPurchasesIfAlive(bg.params, t, h.frequency, h.T);
      p = {
        e90: cumulative(90 / unit),
        e365: cumulative(365 / unit),
        clvPerValue: discountedValue(cumulative, 1, clvOptions),
      };
      ifAlive.set(key, p);
    }
    const pAlive = probabilityAlive(bg.params, h);
    return { e90: p.e90 * pAlive, e365: p.e365 * pAlive, clvPerValue: p.clvPerValue * pAlive, pAlive };
  };
  const abc = abcClasses(
    perAccount.map((s) => ({
      id: s.accountId,
      value: settings.abcBasis === 'revenue' ? s.windowRevenue : s.windowProfit,
    })),
    { a: settings.abcA, b: settings.abcB },
  );
  const abcOf = new Map(abc.map((r) => [r.id, r.class]));
  progress(70, 'segments');
  const partial = summary.map((c, i) => {
    const s = perAccount[i];
    const p = predict(c);
    const avg = spendScale * conditionalExpectedAverageValue(gg.params, scaled(c));
    return { c, s, p, avg, clv: p.clvPerValue * avg, r: rfm[i] };
  });
  const currentCut = percentileOf(
    partial.map((x) => x.s.windowProfit),
    settings.valueSplit.currentPercentile,
  );
  const clvCut = percentileOf(
    partial.map((x) => x.clv),
    settings.valueSplit.clvPercentile,
  );
  const rows: SegmentRow[] = partial.map(({ c, s, p, avg, clv, r }) => {
    const high = s.windowProfit > currentCut && s.windowProfit > 0;
    const promising = clv > clvCut && clv > 0;
    const valueQuadrant: ValueQuadrant =
      high && promising ? 'star' : high ? 'cash_cow' : promising ? 'potential' : 'low_value';
    const facts = {
      ageDays: -(s.first as number),
      recencyDays: -(s.last as number),
      last90: s.last90,
      prev90: s.prev90,
      pAlive: p.pAlive,
    };
    const stage = lifecycleStage(facts, settings.lifecycle);
    const risk = churnRisk(
      { ...facts, complaints: s.complaints, satisfaction: s.satisfaction },
      settings.churnWeights,
      settings.churnSignals,
    );
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
      currentValue: s.windowProfit,
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
      distinctHistories: ifAlive.size,
    },
    counts: {
      accounts: accounts.length,
      segmented: rows.length,
      transactionDays: perAccount.reduce((n, s) => n + s.days, 0),
      futureShipments,
      repeatCustomers: gg.diagnostics.customers,
    },
  };
}
