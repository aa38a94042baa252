/**
 * The service-quality KPIs of DOMAIN.md §3 as plain functions over shipments. The SQL engine
 * (kpi/repo.ts) computes the same figures in the database; tests hold the two to each other.
 *
 * Choices where DOMAIN.md is silent (documented in docs/shipments.md):
 * - a "delivered shipment" has status delivered and a delivered_at; cancelled or returned
 *   shipments never count, even when they carry a delivery time;
 * - a delivered shipment without any promise is neither on time nor late: it is left out of the
 *   on-time rate (numerator and denominator) but counts for the intact rate and transit time;
 * - volume, revenue and cost count shipments booked in the period that are not cancelled.
 */
export type OnTimeRule = 'timestamp' | 'date';

export interface KpiShipment {
  status: string;
  bookedAt: Date;
  pickedUpAt: Date | null;
  promisedAt: Date | null;
  /** YYYY-MM-DD: a promised day only. */
  promisedDate: string | null;
  deliveredAt: Date | null;
  /** Has a damage, loss or shortage exception. */
  cargoIssue: boolean;
  revenueCents: number | null;
  costCents: number | null;
}

/** The calendar date of an instant in a time zone, YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export const isDelivered = (s: KpiShipment) => s.status === 'delivered' && s.deliveredAt !== null;

/**
 * true on time, false late, null when it cannot be judged (not delivered, or no promise).
 * `timestamp`: delivered_at ≤ promised_at, or calendar dates when only a promised day is known.
 * `date`: the calendar date of delivery ≤ the promised calendar date, both in the company zone.
 */
export function isOnTime(s: KpiShipment, rule: OnTimeRule, timeZone: string): boolean | null {
  if (!isDelivered(s)) return null;
  const delivered = s.deliveredAt!;
  if (rule === 'timestamp' && s.promisedAt) return delivered.getTime() <= s.promisedAt.getTime();
  const promisedDay = s.promisedDate ?? (s.promisedAt ? localDate(s.promisedAt, timeZone) : null);
  if (!promisedDay) return null;
  return localDate(delivered, timeZone) <= promisedDay;
}

/** Continuous percentile (PostgreSQL percentile_cont): linear between the closest ranks. */
export function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const idx = (s.length - 1) * p;
  const lo = Math.floor(idx);
  const hi = Math.ceil(idx);
  return s[lo] + (s[hi] - s[lo]) * (idx - lo);
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

export interface Kpis {
  delivered: number;
  judged: number;
  onTime: number;
  onTimeRate: number | null;
  intactRate: number | null;
  transitMedianDays: number | null;
  transitP90Days: number | null;
  volume: number;
  revenueCents: number;
  costCents: number;
  grossMarginCents: number;
  grossMarginRate: number | null;
}

/** Transit time in days, counted in whole minutes (the rollup keeps minutes; seconds say nothing here). */
export const transitDays = (deliveredAt: Date, pickedUpAt: Date) =>
  Math.floor((deliveredAt.getTime() - pickedUpAt.getTime()) / 60_000) / 1440;

/** All KPIs of one group of shipments (the caller has already chosen the period). */
export function computeKpis(shipments: KpiShipment[], rule: OnTimeRule, timeZone: string): Kpis {
  const delivered = shipments.filter(isDelivered);
  const verdicts = delivered.map((s) => isOnTime(s, rule, timeZone)).filter((v) => v !== null);
  const onTime = verdicts.filter(Boolean).length;
  const transit = delivered
    .filter((s) => s.pickedUpAt)
    .map((s) => transitDays(s.deliveredAt!, s.pickedUpAt!));
  const booked = shipments.filter((s) => s.status !== 'cancelled');
  const revenueCents = booked.reduce((a, s) => a + (s.revenueCents ?? 0), 0);
  const costCents = booked.reduce((a, s) => a + (s.costCents ?? 0), 0);
  return {
    delivered: delivered.length,
    judged: verdicts.length,
    onTime,
    onTimeRate: ratio(onTime, verdicts.length),
    intactRate: delivered.length ? 1 - delivered.filter((s) => s.cargoIssue).length / delivered.length : null,
    transitMedianDays: percentileCont(transit, 0.5),
    transitP90Days: percentileCont(transit, 0.9),
    volume: booked.length,
    revenueCents,
    costCents,
    grossMarginCents: revenueCents - costCents,
    grossMarginRate: ratio(revenueCents - costCents, revenueCents),
  };
}
