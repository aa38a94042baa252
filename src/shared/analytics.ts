/**
 * Customer analytics settings and vocabulary shared by server and web. Every number has a range; a value
 * outside it is rejected naming the field (DOMAIN.md §5). Money is in cents throughout.
 */
import { z } from 'zod';

export { RFM_SEGMENTS, type RfmSegment } from '../analytics/rfm.js';

export const VALUE_QUADRANTS = ['star', 'cash_cow', 'potential', 'low_value'] as const;
export type ValueQuadrant = (typeof VALUE_QUADRANTS)[number];
export const LIFECYCLE_STAGES = ['identification', 'development', 'stable', 'decline', 'lost'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export const SERVICE_TIERS = ['strategic', 'key', 'general'] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];
export const RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

const share = (min: number, max: number) => z.number().min(min).max(max);
const whole = (min: number, max: number) => z.number().int().min(min).max(max);

export const analyticsSettingsSchema = z.strictObject({
  /** Window of R/F/M, ABC and current value, in months (12 = trailing 12 months). */
  windowMonths: whole(1, 36),
  abcBasis: z.enum(['revenue', 'gross_profit']),
  /** Cumulative-share boundaries of classes A and B. */
  abcA: share(0.5, 0.95),
  abcB: share(0.6, 0.99),
  timeUnit: z.enum(['day', 'week']),
  horizonMonths: whole(1, 60),
  monthlyDiscount: share(0, 0.1),
  /** Percentiles splitting current value and CLV into the value matrix. */
  valueSplit: z.strictObject({ currentPercentile: share(0.05, 0.95), clvPercentile: share(0.05, 0.95) }),
  lifecycle: z.strictObject({
    /** First shipment younger than this: identification. */
    newDays: whole(7, 365),
    /** First shipment younger than this (and not declining): development. */
    developmentDays: whole(30, 1095),
    /** Last 90 days ≥ ratio × the 90 before: growing (development). */
    growthRatio: share(1.01, 10),
    /** Last 90 days ≤ ratio × the 90 before: decline. */
    declineRatio: share(0.05, 0.99),
    /** P(alive) below this: decline. */
    declinePAlive: share(0.05, 0.95),
    /** P(alive) below this, or no shipment for lostDays: lost. */
    lostPAlive: share(0.01, 0.9),
    lostDays: whole(30, 730),
  }),
  /**
   * Weights of the churn-risk signals (rules.ts churnRisk): behaviour (pAlive, volumeDrop) as a weighted
   * mean; each service signal (complaints, csi) adds its weight × score of the risk that is left.
   */
  churnWeights: z.strictObject({
    pAlive: share(0, 1),
    volumeDrop: share(0, 1),
    /** Complaints and claims (tickets) open now or opened in the last complaintDays. */
    complaints: share(0, 1),
    /**
     * Satisfaction: falling CSI (the last surveyDays against the surveyDays before), with a low CSI or
     * NPS of the last surveyDays as its floor.
     */
    csi: share(0, 1),
  }),
  churnSignals: z.strictObject({
    complaintDays: whole(7, 365),
    /** This many complaints score the full complaint weight (fewer: in proportion). */
    complaintsForFullScore: whole(1, 20),
    surveyDays: whole(30, 730),
    /** A CSI this many points below the previous window's scores the full satisfaction weight. */
    csiDropForFullScore: whole(5, 50),
  }),
  /** Hour (company time) after which the nightly run starts. */
  nightlyHour: whole(0, 23),
});
export type AnalyticsSettings = z.infer<typeof analyticsSettingsSchema>;

export const DEFAULT_ANALYTICS_SETTINGS: AnalyticsSettings = {
  windowMonths: 12,
  abcBasis: 'revenue',
  abcA: 0.8,
  abcB: 0.95,
  timeUnit: 'week',
  horizonMonths: 12,
  monthlyDiscount: 0.01,
  valueSplit: { currentPercentile: 0.5, clvPercentile: 0.5 },
  lifecycle: {
    newDays: 90,
    developmentDays: 180,
    growthRatio: 1.3,
    declineRatio: 0.6,
    declinePAlive: 0.5,
    lostPAlive: 0.2,
    lostDays: 180,
  },
  churnWeights: { pAlive: 0.6, volumeDrop: 0.4, complaints: 0.3, csi: 0.2 },
  churnSignals: { complaintDays: 90, complaintsForFullScore: 3, surveyDays: 180, csiDropForFullScore: 20 },
  nightlyHour: 2,
};

export const updateAnalyticsSettingsSchema = z.strictObject({
  version: z.number().int().min(1),
  settings: analyticsSettingsSchema.refine((s) => s.abcA < s.abcB, {
    message: 'analytics.abcOrder',
    path: ['abcB'],
  }),
});

export const tierBodySchema = z.strictObject({
  version: z.number().int().min(1),
  tier: z.enum(SERVICE_TIERS),
  /** Required when the tier differs from the latest run's suggestion. */
  reason: z.string().trim().max(500).optional(),
});
