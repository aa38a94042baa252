import { z } from 'zod';
import type { ServiceTier } from './customers/labels.js';

/**
 * An account's service-quality targets (服务质量目标): what its KPIs are judged against on the
 * account 360° "Service quality" tab. Rates are fractions (0.95 = 95 %).
 */
export const serviceTargetsSchema = z.strictObject({
  onTimeRate: z.number().min(0).max(1),
  intactRate: z.number().min(0).max(1),
  /** Upper bound for the 90th percentile of transit time, in days. */
  transitP90Days: z.number().positive().max(365),
  /** Upper bound for complaint tickets per 1,000 shipments. */
  complaintsPer1000: z.number().min(0).max(1000),
  /** Lower bound for the gross margin rate. */
  grossMarginRate: z.number().min(-1).max(1),
});
export type ServiceTargets = z.infer<typeof serviceTargetsSchema>;

/** Defaults by service tier, until someone sets the account's own targets. */
export const DEFAULT_SERVICE_TARGETS: Record<ServiceTier, ServiceTargets> = {
  strategic: {
    onTimeRate: 0.98,
    intactRate: 0.999,
    transitP90Days: 3,
    complaintsPer1000: 1,
    grossMarginRate: 0.12,
  },
  key: {
    onTimeRate: 0.95,
    intactRate: 0.995,
    transitP90Days: 4,
    complaintsPer1000: 2,
    grossMarginRate: 0.15,
  },
  general: {
    onTimeRate: 0.92,
    intactRate: 0.99,
    transitP90Days: 5,
    complaintsPer1000: 5,
    grossMarginRate: 0.18,
  },
};

export function defaultServiceTargets(tier: string): ServiceTargets {
  return DEFAULT_SERVICE_TARGETS[(tier in DEFAULT_SERVICE_TARGETS ? tier : 'general') as ServiceTier];
}

/** Setting an account's own targets: no version creates them, a version edits them (409 if stale). */
export const putServiceTargetsSchema = serviceTargetsSchema.extend({
  version: z.number().int().min(1).optional(),
});
export type PutServiceTargetsInput = z.infer<typeof putServiceTargetsSchema>;

export interface MeasuredQuality {
  onTimeRate: number | null;
  intactRate: number | null;
  transitP90Days: number | null;
  complaintsPer1000: number | null;
  grossMarginRate: number | null;
}

/** Which of an account's figures meet its targets (null: nothing measured). */
export function judgeAgainstTargets(m: MeasuredQuality, t: ServiceTargets) {
  const atLeast = (v: number | null, min: number) => (v === null ? null : v >= min);
  const atMost = (v: number | null, max: number) => (v === null ? null : v <= max);
  return {
    onTimeRate: atLeast(m.onTimeRate, t.onTimeRate),
    intactRate: atLeast(m.intactRate, t.intactRate),
    transitP90Days: atMost(m.transitP90Days, t.transitP90Days),
    complaintsPer1000: atMost(m.complaintsPer1000, t.complaintsPer1000),
    grossMarginRate: atLeast(m.grossMarginRate, t.grossMarginRate),
  };
}
