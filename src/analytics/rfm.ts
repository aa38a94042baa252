/**
 * RFM as DOMAIN.md §4 defines it: R = days since the last shipment, F = shipments in the window,
 * M = revenue in the window; quintile scores 1–5 (5 = most recent, most frequent, highest revenue)
 * and the named segments.
 */
import { dayNumber } from './dates.js';
import { invalidInput } from './errors.js';
import { compareIds, type Transaction } from './summary.js';

export interface RfmValues {
  customerId: string;
  /** Days from the last shipment (on or before asOf) to asOf. */
  recencyDays: number;
  /** Shipments (rows) within the window. */
  frequency: number;
  /** Revenue within the window (may be ≤ 0 with credit notes). */
  monetary: number;
}

export interface RfmValuesOptions {
  /** Reference day, YYYY-MM-DD; shipments after it are not used (counted in `futureTransactions`). */
  asOf: string;
  /** Window length in days ending on asOf (inclusive). Default 365. */
  windowDays?: number;
}

export function rfmValues(
  transactions: Iterable<Transaction>,
  options: RfmValuesOptions,
): { customers: RfmValues[]; futureTransactions: number } {
  const asOf = dayNumber(options.asOf);
  const windowDays = options.windowDays ?? 365;
  if (!Number.isInteger(windowDays) || windowDays < 1)
    throw invalidInput('window must be ≥ 1 day', { windowDays });
  const from = asOf - windowDays + 1;
  const byCustomer = new Map<string, { last: number; frequency: number; monetary: number }>();
  let future = 0;
  for (const t of transactions) {
    if (!Number.isFinite(t.amount)) throw invalidInput('amount is not a finite number', { ...t });
    const day = dayNumber(t.date);
    if (day > asOf) {
      future++;
      continue;
    }
    const c = byCustomer.get(t.customerId) ?? { last: day, frequency: 0, monetary: 0 };
    c.last = Math.max(c.last, day);
    if (day >= from) {
      c.frequency++;
      c.monetary += t.amount;
    }
    byCustomer.set(t.customerId, c);
  }
  const customers = [...byCustomer]
    .map(([customerId, c]) => ({
      customerId,
      recencyDays: asOf - c.last,
      frequency: c.frequency,
      monetary: c.monetary,
    }))
    .sort((a, b) => compareIds(a.customerId, b.customerId));
  return { customers, futureTransactions: future };
}

/**
 * Quintile score 1–5 of each value, higher value = higher score. The score depends only on the value's
 * mid-rank percentile p = (count below + count equal / 2) / n, score = ⌈5p⌉, so equal values always get
 * the same score (ties never split) and the result does not depend on row order. When one value
 * dominates (e.g. most accounts shipped once), some scores stay unused rather than splitting it.
 */
export function quintileScores(values: readonly number[]): number[] {
  for (const v of values)
    if (!Number.isFinite(v)) throw invalidInput('scores need finite values', { value: v });
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const scoreOf = new Map<number, number>();
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && sorted[j] === sorted[i]) j++;
    const p = (i + (j - i) / 2) / n;
    scoreOf.set(sorted[i], Math.min(5, Math.max(1, Math.ceil(5 * p - 1e-12))));
    i = j;
  }
  return values.map((v) => scoreOf.get(v)!);
}

export const RFM_SEGMENTS = [
  'Champions',
  'Loyal',
  'Potential loyalist',
  'New',
  'Promising',
  'Need attention',
  'About to sleep',
  'At risk',
  "Can't lose",
  'Hibernating',
  'Lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * Segment by R score (rows, 5 = most recent) and FM score (columns) where FM = round((F + M) / 2),
 * halves rounded up — the R × FM grid commonly used for these eleven names:
 *
 *   R \ FM  1                2                   3                   4            5
 *   5       New              Potential loyalist  Potential loyalist  Champions    Champions
 *   4       Promising        Potential loyalist  Potential loyalist  Loyal        Loyal
 *   3       About to sleep   About to sleep      Need attention      Loyal        Loyal
 *   2       Hibernating      Hibernating         At risk             At risk      Can't lose
 *   1       Lost             Lost                At risk             At risk      Can't lose
 */
const GRID: readonly (readonly RfmSegment[])[] = [
  ['Lost', 'Lost', 'At risk', 'At risk', "Can't lose"],
  ['Hibernating', 'Hibernating', 'At risk', 'At risk', "Can't lose"],
  ['About to sleep', 'About to sleep', 'Need attention', 'Loyal', 'Loyal'],
  ['Promising', 'Potential loyalist', 'Potential loyalist', 'Loyal', 'Loyal'],
  ['New', 'Potential loyalist', 'Potential loyalist', 'Champions', 'Champions'],
];

export function rfmSegment(r: number, f: number, m: number): RfmSegment {
  for (const s of [r, f, m])
    if (!Number.isInteger(s) || s < 1 || s > 5) throw invalidInput('scores are 1–5', { r, f, m });
  const fm = Math.floor((f + m) / 2 + 0.5);
  return GRID[r - 1][fm - 1];
}

export interface RfmScore extends RfmValues {
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

/** Scores and segments for customers with at least one shipment (accounts with none have no RFM). */
export function rfmScores(customers: readonly RfmValues[]): RfmScore[] {
  const r = quintileScores(customers.map((c) => -c.recencyDays));
  const f = quintileScores(customers.map((c) => c.frequency));
  const m = quintileScores(customers.map((c) => c.monetary));
  return customers.map((c, i) => ({
    ...c,
    r: r[i],
    f: f[i],
    m: m[i],
    segment: rfmSegment(r[i], f[i], m[i]),
  }));
}
