/**
 * Per-customer repeat-purchase summary in the conventions of Fader, Hardie & Lee and of Python's
 * `lifetimes` (summary_data_from_transaction_data):
 *
 * - purchases on the same calendar day are one purchase occasion, their amounts summed;
 * - frequency x = purchase occasions − 1 (repeat purchases only);
 * - recency t_x = (last occasion − first occasion) in the time unit; 0 when x = 0;
 * - T = (end of observation − first occasion) in the time unit;
 * - monetary value m_x = mean of the repeat occasions' summed amounts (the first occasion excluded);
 *   0 when x = 0.
 *
 * The time unit is a day or a week (7 days). Transactions after `end` belong to the hold-out period and
 * are counted but not used; a customer whose first purchase is after `end` does not appear.
 * Amounts may be zero or negative (free shipments, credit notes): every row is still a shipment and its
 * amount is added to that day's total, so m_x may be ≤ 0 — the Gamma-Gamma model skips such customers.
 */
import { dayNumber } from './dates.js';
import { invalidInput } from './errors.js';

export type TimeUnit = 'day' | 'week';

export interface Transaction {
  customerId: string;
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  amount: number;
}

export interface CustomerSummary {
  customerId: string;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
  /** First and last purchase day (YYYY-MM-DD) within the observation period. */
  firstPurchase: string;
  lastPurchase: string;
}

export interface RfmSummary {
  customers: CustomerSummary[];
  /** Rows dated after `end`, not used. */
  transactionsAfterEnd: number;
}

export interface RfmSummaryOptions {
  /** Last day of the observation (calibration) period, inclusive, YYYY-MM-DD. */
  end: string;
  unit: TimeUnit;
}

export function unitDays(unit: TimeUnit): number {
  if (unit === 'day') return 1;
  if (unit === 'week') return 7;
  throw invalidInput(`time unit must be 'day' or 'week', got ${JSON.stringify(unit)}`, { unit });
}

interface Occasions {
  firstDate: string;
  lastDate: string;
  /** day number → summed amount */
  byDay: Map<number, number>;
}

export function rfmSummary(transactions: Iterable<Transaction>, options: RfmSummaryOptions): RfmSummary {
  const endDay = dayNumber(options.end);
  const daysPerUnit = unitDays(options.unit);
  const byCustomer = new Map<string, Occasions>();
  let afterEnd = 0;
  let row = 0;
  for (const t of transactions) {
    row++;
    if (typeof t.customerId !== 'string' || t.customerId === '') {
      throw invalidInput(`transaction ${row}: customer id is empty`, { row });
    }
    if (typeof t.amount !== 'number' || !Number.isFinite(t.amount)) {
      throw invalidInput(`transaction ${row}: amount is not a finite number`, { row, amount: t.amount });
    }
    const day = dayNumber(t.date);
    if (day > endDay) {
      afterEnd++;
      continue;
    }
    let c = byCustomer.get(t.customerId);
    if (!c) {
      c = { firstDate: t.date, lastDate: t.date, byDay: new Map() };
      byCustomer.set(t.customerId, c);
    }
    c.byDay.set(day, (c.byDay.get(day) ?? 0) + t.amount);
    if (t.date < c.firstDate) c.firstDate = t.date;
    if (t.date > c.lastDate) c.lastDate = t.date;
  }

  const customers: CustomerSummary[] = [];
  for (const [customerId, c] of byCustomer) {
    const first = dayNumber(c.firstDate);
    const last = dayNumber(c.lastDate);
    const frequency = c.byDay.size - 1;
    let repeatTotal = 0;
    for (const [day, amount] of c.byDay) if (day !== first) repeatTotal += amount;
    customers.push({
      customerId,
      frequency,
      recency: (last - first) / daysPerUnit,
      T: (endDay - first) / daysPerUnit,
      monetaryValue: frequency > 0 ? repeatTotal / frequency : 0,
      firstPurchase: c.firstDate,
      lastPurchase: c.lastDate,
    });
  }
  customers.sort((a, b) => compareIds(a.customerId, b.customerId));
  return { customers, transactionsAfterEnd: afterEnd };
}

/** Numeric ids in numeric order, otherwise code-unit order — deterministic whatever the input order. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length && /^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
