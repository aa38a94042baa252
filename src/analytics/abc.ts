/**
 * ABC (Pareto) classes per DOMAIN.md §4: rank accounts by value (trailing-12-month revenue or gross
 * profit — the caller decides) descending; A while the cumulative share is ≤ 80 %, B while ≤ 95 %, C for
 * the rest, and the account that crosses a boundary belongs to the class it starts in. So an account's
 * class is decided by the cumulative share *before* it: A if that is below 80 %, B if below 95 %.
 *
 * Choices where the definition is silent:
 * - Equal values are one block: they share the cumulative share before the block and so the same class
 *   (no tie is split by an arbitrary order). Within a block, output order is by id.
 * - Shares are of the total of positive values. Accounts with value ≤ 0 add nothing to the revenue
 *   and are class C; if no account has a positive value, every account is C.
 * - "Below 80 %" allows a relative tolerance of 1e-12 so that float rounding of sums cannot move an
 *   account that starts exactly at the boundary.
 */
import { invalidInput } from './errors.js';
import { compareIds } from './summary.js';

export type AbcClass = 'A' | 'B' | 'C';

export interface AbcInput {
  id: string;
  value: number;
}

export interface AbcRow extends AbcInput {
  class: AbcClass;
  /** 1-based rank; equal values share the rank. */
  rank: number;
  /** This account's share of the positive total (0 for value ≤ 0). */
  share: number;
  /** Cumulative share up to and including this account's block. */
  cumulativeShare: number;
}

export interface AbcThresholds {
  a: number;
  b: number;
}

export function abcClasses(
  accounts: readonly AbcInput[],
  thresholds: AbcThresholds = { a: 0.8, b: 0.95 },
): AbcRow[] {
  const { a, b } = thresholds;
  if (!(a > 0 && a < b && b <= 1)) throw invalidInput('thresholds need 0 < a < b ≤ 1', { a, b });
  for (const x of accounts) {
    if (!Number.isFinite(x.value)) throw invalidInput(`account ${x.id}: value is not finite`, { id: x.id });
  }
  const sorted = [...accounts].sort((x, y) => y.value - x.value || compareIds(x.id, y.id));
  let total = 0;
  for (const x of sorted) if (x.value > 0) total += x.value;
  const out: AbcRow[] = [];
  let before = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    let block = 0;
    while (j < sorted.length && sorted[j].value === sorted[i].value) block += Math.max(0, sorted[j++].value);
    const startShare = total > 0 ? before / total : 1;
    const after = total > 0 ? (before + block) / total : 1;
    const positive = sorted[i].value > 0;
    const cls: AbcClass = !positive
      ? 'C'
      : startShare < a * (1 - 1e-12)
        ? 'A'
        : startShare < b * (1 - 1e-12)
          ? 'B'
          : 'C';
    for (let k = i; k < j; k++) {
      const share = total > 0 ? Math.max(0, sorted[k].value) / total : 0;
      out.push({ ...sorted[k], class: cls, rank: i + 1, share, cumulativeShare: positive ? after : 1 });
    }
    before += block;
    i = j;
  }
  return out;
}
