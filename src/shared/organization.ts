import { z } from 'zod';
import { DEFAULT_SCORE_WEIGHTS, scoreWeightsSchema } from './partners.js';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

export const organizationSettingsSchema = z.strictObject({
  /** IANA zone that decides calendar dates (KPI periods, business days). */
  timezone: z.string().min(1).max(64),
  currency: z.string().length(3),
  defaultLocale: z.enum(LOCALES),
  /** Idle and absolute session lifetimes. */
  sessionIdleMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  sessionAbsoluteHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  /**
   * How "on time" is judged (DOMAIN.md §3): `timestamp` compares delivered_at ≤ promised_at;
   * `date` compares calendar dates in `timezone`. Shipments with only a promised date always use dates.
   */
  onTimeRule: z.enum(['timestamp', 'date']),
  /** Partner scorecard weights in percent (on-time, intact, satisfaction, price). */
  partnerScoreWeights: scoreWeightsSchema,
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = {
  timezone: 'Asia/Shanghai',
  currency: 'CNY',
  defaultLocale: 'zh-CN',
  sessionIdleMinutes: 120,
  sessionAbsoluteHours: 24 * 7,
  onTimeRule: 'timestamp',
  partnerScoreWeights: DEFAULT_SCORE_WEIGHTS,
};
