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
  /** The CSI of the window of the same length before; null when nothing was rated then. */
  previousCsi: number | null;
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
 * Behaviour: pAlive applies to every account, the volume drop when there were shipments in the 90 days
 * before the last 90. Service: complaints when the account has any (open, or opened in the window);
 * satisfaction when it answered a survey in the window: falling CSI (DOMAIN.md §4) scores the drop
 * against the window before, csiDropForFullScore points scoring 1, and the level is its floor — the worse
 * of 1 − CSI/100 and (100 − NPS)/200 (one detractor answer alone: 1; CSI and NPS both 100: 0) — so a
 * customer who was always unhappy is not missed for never having been happier.
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
    const c = f.complaints;
    if (!c || c.count === 0) return null;
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
    const drop = v.csi !== null && v.previousCsi !== null ? v.previousCsi - v.csi : null;
    const fromDrop = drop === null ? 0 : drop / s.csiDropForFullScore;
    return {
      score: Math.min(1, Math.max(0, fromCsi, fromNps, fromDrop)),
      detail: {
        csi: v.csi === null ? null : round(v.csi, 1),
        previousCsi: v.previousCsi === null ? null : round(v.previousCsi, 1),
        csiDrop: drop === null ? null : round(drop, 1),
        nps: v.nps === null ? null : round(v.nps, 1),
        responses: v.responses,
        detractors: v.detractors,
        days: s.surveyDays,
      },
    };
  },
};

const BEHAVIOUR = ['pAlive', 'volumeDrop'] as const;
const SERVICE = ['complaints', 'csi'] as const;

/**
 * 0–100, with each signal's contribution (largest first; they add up to the score). Behaviour B is the
 * weighted mean of the behaviour signals that apply; each service signal j then takes its weight × score
 * of what is left: risk = B + (1 − B)·S with S = 1 − Π(1 − wⱼ·sⱼ). So a complaint or a poor survey answer
 * only ever raises the risk, an account without either keeps its behavioural score, and a certainly lost
 * customer stays at 100.
 */
export function churnRisk(
  f: AccountFacts,
  weights: AnalyticsSettings['churnWeights'],
  signals: AnalyticsSettings['churnSignals'],
): { score: number; reasons: Record<string, unknown>[] } {
  type Seen = { code: string; weight: number; score: number; detail: Record<string, unknown> };
  const look = (codes: readonly (keyof typeof weights)[]) =>
    codes.flatMap((code): Seen[] => {
      const s = weights[code] > 0 ? SIGNALS[code](f, signals) : null;
      return s ? [{ code, weight: weights[code], score: s.score, detail: s.detail }] : [];
    });
  const behaviour = look(BEHAVIOUR);
  const service = look(SERVICE).filter((s) => s.score > 0);
  const total = behaviour.reduce((n, s) => n + s.weight, 0);
  const b = total > 0 ? behaviour.reduce((n, s) => n + s.weight * s.score, 0) / total : 0;
  const extra = 1 - service.reduce((n, s) => n * (1 - s.weight * s.score), 1);
  const serviceSum = service.reduce((n, s) => n + s.weight * s.score, 0);
  const points = [
    ...behaviour.map((s) => ({ s, points: (100 * s.weight * s.score) / total })),
    ...service.map((s) => ({ s, points: (100 * (1 - b) * extra * s.weight * s.score) / serviceSum })),
  ];
  const reasons = points
    .map(({ s, points: p }) => ({ code: s.code, points: round(p, 1), ...s.detail }))
    .filter((r) => r.points > 0)
    .sort((x, y) => y.points - x.points);
  const score = Math.round(100 * (b + (1 - b) * extra));
  return { score: Math.min(100, Math.max(0, score)), reasons };
}

/** strategic: class A and high current value; key: A, or B with high potential; general: the rest. */
export function suggestTier(abc: string, quadrant: ValueQuadrant, stage: LifecycleStage): ServiceTier {
  if (stage === 'lost') return 'general';
  if (abc === 'A' && (quadrant === 'star' || quadrant === 'cash_cow')) return 'strategic';
  if (abc === 'A' || (abc === 'B' && (quadrant === 'star' || quadrant === 'potential'))) return 'key';
  return 'general';
}
