import { addDays, addMonths, monthStart, weekStart } from '../../lib/calendarDates.js';
import type { KpiTrend } from './repo.js';

/**
 * How a period [from, to) is read from the cube: each trend bucket's part of the period is cut into
 * whole months, whole weeks (Monday to Sunday, as date_trunc('week')) and the days left at its edges,
 * the coarsest grain first. Every day of the period falls in exactly one piece, so summing the pieces
 * gives the period's figures. All dates are calendar dates of the company zone ('YYYY-MM-DD').
 */
export type Grain = 'month' | 'week' | 'day';

export interface Piece {
  /** The trend bucket the piece counts in (the period's first day when there is no trend). */
  bucket: string;
  grain: Grain;
  /** First day of the month, week or day. */
  start: string;
}

export interface Bucket {
  bucket: string;
  /** The bucket's part of the period, [lo, hi). */
  lo: string;
  hi: string;
}

/** The trend buckets of [from, to), each clipped to the period. */
export function bucketsOf(from: string, to: string, trend: KpiTrend): Bucket[] {
  if (trend === 'none') return [{ bucket: from, lo: from, hi: to }];
  const out: Bucket[] = [];
  const first = trend === 'month' ? monthStart(from) : weekStart(from);
  for (let b = first; b < to; b = trend === 'month' ? addMonths(b, 1) : addDays(b, 7)) {
    const end = trend === 'month' ? addMonths(b, 1) : addDays(b, 7);
    out.push({ bucket: b, lo: b < from ? from : b, hi: end > to ? to : end });
  }
  return out;
}

/** Whole weeks of [lo, hi), then the days before and after them. */
function weeksAndDays(bucket: string, lo: string, hi: string, weeks: boolean, out: Piece[]) {
  let w = weekStart(lo) === lo ? lo : addDays(weekStart(lo), 7);
  if (!weeks || addDays(w, 7) > hi) w = hi;
  for (let d = lo; d < w; d = addDays(d, 1)) out.push({ bucket, grain: 'day', start: d });
  for (; addDays(w, 7) <= hi; w = addDays(w, 7)) out.push({ bucket, grain: 'week', start: w });
  for (let d = w; d < hi; d = addDays(d, 1)) out.push({ bucket, grain: 'day', start: d });
}

/** The pieces of every bucket; `grains` are those the cube keeps for the slice read. */
export function piecesOf(buckets: Bucket[], grains: ReadonlySet<Grain>): Piece[] {
  const out: Piece[] = [];
  for (const { bucket, lo, hi } of buckets) {
    let m = monthStart(lo) === lo ? lo : addMonths(monthStart(lo), 1);
    if (!grains.has('month') || addMonths(m, 1) > hi) {
      weeksAndDays(bucket, lo, hi, grains.has('week'), out);
      continue;
    }
    weeksAndDays(bucket, lo, m, grains.has('week'), out);
    for (; addMonths(m, 1) <= hi; m = addMonths(m, 1)) out.push({ bucket, grain: 'month', start: m });
    weeksAndDays(bucket, m, hi, grains.has('week'), out);
  }
  return out;
}
