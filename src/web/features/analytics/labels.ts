import type { TFunction } from 'i18next';
import type { ChurnReason, LifecycleReason } from './api';

export type Dimension = 'rfm' | 'abc' | 'stage' | 'quadrant' | 'tier';

/** A segment value in words: RFM segments, stages, quadrants and tiers translated; ABC classes as they are. */
export function segmentLabel(t: TFunction, by: Dimension, value: string): string {
  if (value === 'none') return t('analytics.notInRun');
  if (by === 'stage') return t(`analytics.stage.${value as 'lost'}`);
  if (by === 'quadrant') return t(`analytics.quadrant.${value as 'star'}`);
  if (by === 'tier') return t(`analytics.tier.${value as 'key'}`);
  if (by === 'rfm') return t(`analytics.rfmSegment.${value as 'Loyal'}`, { defaultValue: value });
  return value;
}

/** The rule that put the account in its lifecycle stage, with its numbers. */
export const lifecycleWhy = (t: TFunction, r: LifecycleReason) =>
  t(`analytics.rule.${r.rule as 'steady'}`, { ...r, trend: r.trend ?? '∞' });

/** One contribution to the churn-risk score, with its points. */
export function churnWhy(t: TFunction, r: ChurnReason): string {
  const words: Record<string, unknown> = { ...r };
  if (r.code === 'complaints')
    words.categories = (r.categories ?? [])
      .map((c) => `, ${t(`ticketCategory.${c as 'damage'}`, { defaultValue: c })}`)
      .join('');
  if (r.code === 'csi')
    words.scores = [
      r.csi != null &&
        (r.previousCsi != null && r.previousCsi > r.csi
          ? t('analytics.reason.csiFalling', { value: r.csi, previous: r.previousCsi })
          : t('analytics.reason.csiScore', { value: r.csi })),
      r.nps != null && t('analytics.reason.npsScore', { value: r.nps }),
    ]
      .filter(Boolean)
      .join(', ');
  return `${t(`analytics.reason.${r.code}`, words)} ${t('analytics.points', { points: r.points })}`;
}

export const money = (cents: number, locale: string) =>
  (cents / 100).toLocaleString(locale, { maximumFractionDigits: 0 });
