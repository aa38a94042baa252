/**
 * The rules on top of the models: lifecycle stage, churn risk and suggested tier, each with the reason
 * an agent can read. Thresholds and weights come from the settings.
 */
import type {
  AnalyticsSettings,
  LifecycleStage,
  ServiceTier,
  ValueQuadrant,
} from '../../../shared/analytics.js';

export interface AccountFacts {
  /** Days from the first shipment to the as-of day. */
  ageDays: number;
  recencyDays: number;
  /** Shipments in the last 90 days and in the 90 days before. */
  last90: number;
  prev90: number;
  pAlive: number;
  /** Complaints and claims open now or opened in the complaint window (serviceSignals.ts). */
  complaints?: ComplaintFacts;
  /** Survey answers submitted in the survey window; absent when the account answered none. */
  satisfaction?: SatisfactionFacts;
}

export interface ComplaintFacts {
  count: number;
  open: number;
  /** Ticket categories of those complaints (damage, delay, …), distinct, sorted. */
  categories: string[];
}

export interface SatisfactionFacts {
  responses: number;
  /** CSI 0–100 with equal weights over the rated dimensions (DOMAIN.md §3); null when none was rated. */
  csi: number | null;
  /** NPS −100…100 of the 0–10 answers; null when none. */
  nps: number | null;
  detractors: number;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** identification → development → stable → decline → lost; the first rule that applies wins. */
export function lifecycleStage(
  f: AccountFacts,
  t: AnalyticsSettings['lifecycle'],
): { stage: LifecycleStage; reason: Record<string, unknown> } {
  const trend = f.prev90 > 0 ? f.last90 / f.prev90 : f.last90 > 0 ? Number.POSITIVE_INFINITY : 1;
  const facts = {
    ageDays: f.ageDays,
    recencyDays: f.recencyDays,
    last90: f.last90,
    prev90: f.prev90,
    pAlive: round(f.pAlive),
  };
  if (f.recencyDays > t.lostDays)
    return { stage: 'lost', reason: { rule: 'no_shipment_for', limit: t.lostDays, ...facts } };
  if (f.pAlive < t.lostPAlive)
    return { stage: 'lost', reason: { rule: 'p_alive_below', limit: t.lostPAlive, ...facts } };
  if (f.ageDays < t.newDays)
    return { stage: 'identification', reason: { rule: 'first_shipment_recent', limit: t.newDays, ...facts } };
  if (f.prev90 > 0 && trend <= t.declineRatio)
    return {
      stage: 'decline',
      reason: { rule: 'volume_falling', limit: t.declineRatio, trend: round(trend), ...facts },
    };
  if (f.pAlive < t.declinePAlive)
    return { stage: 'decline', reason: { rule: 'p_alive_below', limit: t.declinePAlive, ...facts } };
  if (f.last90 > 0 && trend >= t.growthRatio)
    return {
      stage: 'development',
      reason: {
        rule: 'volume_growing',
        limit: t.growthRatio,
        trend: Number.isFinite(trend) ? round(trend) : null,
        ...facts,
      },
    };
  if (f.ageDays < t.developmentDays)
    return { stage: 'development', reason: { rule: 'young_account', limit: t.developmentDays, ...facts } };
  return { stage: 'stable', reason: { rule: 'steady', trend: round(trend), ...facts } };
}

/** A churn signal: a score in [0, 1] for one account with what it saw, or null when it does not apply. */
export type ChurnSignal = (
  f: AccountFacts,
  s: AnalyticsSettings['churnSignals'],
) => { score: number; detail: Record<string, unknown> } | null;

/**
 * pAlive and complaints apply to every account (no complaint scores 0, so a complaint never lowers the
 * risk); the volume drop applies when there were shipments in the 90 days before the last 90, and
 * satisfaction when the account answered a survey in the window — a satisfied answer lowers the risk.
 * Satisfaction scores the worse of 1 − CSI/100 and (100 − NPS)/200 (one detractor answer alone: 1).
 */
const SIGNALS: Record<keyof AnalyticsSettings['churnWeights'], ChurnSignal> = {
  pAlive: (f) => ({ score: 1 - f.pAlive, detail: { pAlive: round(f.pAlive) } }),
  volumeDrop: (f) =>
    f.prev90 > 0
      ? {
          score: Math.min(1, Math.max(0, (f.prev90 - f.last90) / f.prev90)),
          detail: { last90: f.last90, prev90: f.prev90 },
        }
      : null,
  complaints: (f, s) => {
    const c = f.complaints ?? { count: 0, open: 0, categories: [] };
    return {
      score: Math.min(1, c.count / s.complaintsForFullScore),
      detail: { complaints: c.count, open: c.open, categories: c.categories, days: s.complaintDays },
    };
  },
  csi: (f, s) => {
    const v = f.satisfaction;
    if (!v || (v.csi === null && v.nps === null)) return null;
    const fromCsi = v.csi === null ? 0 : 1 - v.csi / 100;
    const fromNps = v.nps === null ? 0 : (100 - v.nps) / 200;
    return {
      score: Math.min(1, Math.max(0, fromCsi, fromNps)),
      detail: {
        csi: v.csi === null ? null : round(v.csi, 1),
        nps: v.nps === null ? null : round(v.nps, 1),
        responses: v.responses,
        detractors: v.detractors,
        days: s.surveyDays,
      },
    };
  },
};

/** 0–100: the weighted mean of the signals that apply, and each one's contribution (largest first). */
export function churnRisk(
  f: AccountFacts,
  weights: AnalyticsSettings['churnWeights'],
  signals: AnalyticsSettings['churnSignals'],
): { score: number; reasons: Record<string, unknown>[] } {
  const seen: { code: string; weight: number; score: number; detail: Record<string, unknown> }[] = [];
  for (const code of Object.keys(weights) as (keyof typeof weights)[]) {
    const s = SIGNALS[code](f, signals);
    if (s && weights[code] > 0) seen.push({ code, weight: weights[code], score: s.score, detail: s.detail });
  }
  const total = seen.reduce((n, s) => n + s.weight, 0);
  if (total === 0) return { score: 0, reasons: [] };
  const reasons = seen
    .map((s) => ({ code: s.code, points: round((100 * s.weight * s.score) / total, 1), ...s.detail }))
    .filter((r) => r.points > 0)
    .sort((a, b) => b.points - a.points);
  const score = Math.round(seen.reduce((n, s) => n + (100 * s.weight * s.score) / total, 0));
  return { score: Math.min(100, Math.max(0, score)), reasons };
}

/** strategic: class A and high current value; key: A, or B with high potential; general: the rest. */
export function suggestTier(abc: string, quadrant: ValueQuadrant, stage: LifecycleStage): ServiceTier {
  if (stage === 'lost') return 'general';
  if (abc === 'A' && (quadrant === 'star' || quadrant === 'cash_cow')) return 'strategic';
  if (abc === 'A' || (abc === 'B' && (quadrant === 'star' || quadrant === 'potential'))) return 'key';
  return 'general';
}
