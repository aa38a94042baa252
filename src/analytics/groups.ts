import { invalidInput } from './errors.js';

/** The three numbers BG/NBD needs per customer, in one time unit. */
export interface RepeatHistory {
  /** x: repeat purchases. */
  frequency: number;
  /** t_x: time of the last purchase, from the first. */
  recency: number;
  /** T: time from the first purchase to the end of observation. */
  T: number;
}

/** Identical (x, t_x, T) rows collapsed into one with a weight: the likelihood is evaluated per group. */
export interface GroupedHistories {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  groups: number;
  customers: number;
}

export function checkHistory(h: RepeatHistory, index: number): void {
  const { frequency: x, recency: tx, T } = h;
  const where = { index, frequency: x, recency: tx, T };
  if (!Number.isInteger(x) || x < 0)
    throw invalidInput(`row ${index}: frequency must be an integer ≥ 0`, where);
  if (!Number.isFinite(tx) || tx < 0) throw invalidInput(`row ${index}: recency must be ≥ 0`, where);
  if (!Number.isFinite(T) || T < tx)
    throw invalidInput(`row ${index}: T must be finite and ≥ recency`, where);
  if (x === 0 && tx !== 0) throw invalidInput(`row ${index}: recency must be 0 when frequency is 0`, where);
}

/**
 * Validates every row and groups identical ones. Rows are sorted by (x, t_x, T) and equal neighbours
 * merged, so the groups come out in canonical order: sums — and hence fitted parameters — are
 * bit-for-bit the same whatever the order of the input rows.
 */
export function groupHistories(rows: readonly RepeatHistory[]): GroupedHistories {
  const n = rows.length;
  const rx = new Float64Array(n);
  const rtx = new Float64Array(n);
  const rT = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    checkHistory(rows[i], i);
    rx[i] = rows[i].frequency;
    rtx[i] = rows[i].recency;
    rT[i] = rows[i].T;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => rx[i] - rx[j] || rtx[i] - rtx[j] || rT[i] - rT[j],
  );
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  for (const i of order) {
    const k = x.length - 1;
    if (k >= 0 && x[k] === rx[i] && tx[k] === rtx[i] && T[k] === rT[i]) weight[k]++;
    else {
      x.push(rx[i]);
      tx.push(rtx[i]);
      T.push(rT[i]);
      weight.push(1);
    }
  }
  return {
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
    groups: x.length,
    customers: n,
  };
}
