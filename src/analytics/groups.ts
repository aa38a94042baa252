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
 * Validates every row and groups identical ones. Groups are sorted by (x, t_x, T) so that sums — and
 * hence fitted parameters — are bit-for-bit the same whatever the order of the input rows.
 */
export function groupHistories(rows: readonly RepeatHistory[]): GroupedHistories {
  const index = new Map<number, Map<number, Map<number, number>>>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  rows.forEach((row, i) => {
    checkHistory(row, i);
    let byTx = index.get(row.frequency);
    if (!byTx) {
      byTx = new Map();
      index.set(row.frequency, byTx);
    }
    let byT = byTx.get(row.recency);
    if (!byT) {
      byT = new Map();
      byTx.set(row.recency, byT);
    }
    const g = byT.get(row.T);
    if (g === undefined) {
      byT.set(row.T, x.length);
      x.push(row.frequency);
      tx.push(row.recency);
      T.push(row.T);
      weight.push(1);
    } else weight[g]++;
  });
  const order = x.map((_, i) => i).sort((i, j) => x[i] - x[j] || tx[i] - tx[j] || T[i] - T[j]);
  return {
    x: Float64Array.from(order, (i) => x[i]),
    tx: Float64Array.from(order, (i) => tx[i]),
    T: Float64Array.from(order, (i) => T[i]),
    weight: Float64Array.from(order, (i) => weight[i]),
    groups: x.length,
    customers: rows.length,
  };
}
