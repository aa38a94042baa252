/**
 * The CDNOW reference data (../shared/data/cdnow beside the repository), for the analytics tests.
 * Resolved relative to this file so it works from any worktree or CI clone with ../shared beside it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Transaction } from '../src/analytics/index.js';

export const cdnowFile = (name: string) =>
  fileURLToPath(new URL(`../../shared/data/cdnow/${name}`, import.meta.url));

function rows(name: string): string[][] {
  const [, ...lines] = readFileSync(cdnowFile(name), 'utf8').trim().split(/\r?\n/);
  return lines.map((l) => l.split(','));
}

export function cdnowTransactions(): Transaction[] {
  return rows('cdnow_sample_transactions.csv').map(([customerId, date, amount]) => ({
    customerId,
    date,
    amount: Number(amount),
  }));
}

/** Hardie's published calibration summary (weeks, 2 decimals). */
export function cdnowPublishedSummary() {
  return rows('cdnow_customers_summary.csv').map(([id, frequency, recency, T]) => ({
    customerId: id,
    frequency: Number(frequency),
    recency: Number(recency),
    T: Number(T),
  }));
}

export const CDNOW_CALIBRATION_END = '1997-09-30';
