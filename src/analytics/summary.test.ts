import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalyticsError } from './errors.js';
import { rfmSummary, type Transaction } from './summary.js';

const tx = (customerId: string, date: string, amount: number): Transaction => ({ customerId, date, amount });

describe('rfmSummary', () => {
  it('merges same-day purchases and excludes the first day from the monetary value', () => {
    const { customers } = rfmSummary(
      [
        tx('a', '2024-01-01', 10),
        tx('a', '2024-01-01', 5),
        tx('a', '2024-01-08', 20),
        tx('a', '2024-01-15', 7),
        tx('a', '2024-01-15', 3),
      ],
      { end: '2024-01-29', unit: 'week' },
    );
    expect(customers).toEqual([
      {
        customerId: 'a',
        frequency: 2,
        recency: 2,
        T: 4,
        monetaryValue: 15, // (20 + 10) / 2; the first day's 15 excluded
        firstPurchase: '2024-01-01',
        lastPurchase: '2024-01-15',
      },
    ]);
  });

  it('uses days when asked', () => {
    const { customers } = rfmSummary([tx('a', '2024-02-28', 1), tx('a', '2024-03-01', 2)], {
      end: '2024-03-10',
      unit: 'day',
    });
    expect(customers[0]).toMatchObject({ frequency: 1, recency: 2, T: 11, monetaryValue: 2 });
  });

  it('one shipment: x = 0, t_x = 0, m_x = 0; a purchase on the end day gives T = 0', () => {
    const { customers } = rfmSummary([tx('a', '2024-01-01', 9), tx('b', '2024-01-10', 4)], {
      end: '2024-01-10',
      unit: 'day',
    });
    expect(customers.map((c) => [c.customerId, c.frequency, c.recency, c.T, c.monetaryValue])).toEqual([
      ['a', 0, 0, 9, 0],
      ['b', 0, 0, 0, 0],
    ]);
  });

  it('no transactions: no customers', () => {
    expect(rfmSummary([], { end: '2024-01-01', unit: 'day' })).toEqual({
      customers: [],
      transactionsAfterEnd: 0,
    });
  });

  it('ignores and counts transactions after the end (future / hold-out)', () => {
    const s = rfmSummary([tx('a', '2024-01-01', 1), tx('a', '2024-02-01', 1), tx('b', '2024-03-01', 1)], {
      end: '2024-01-31',
      unit: 'day',
    });
    expect(s.transactionsAfterEnd).toBe(2);
    expect(s.customers.map((c) => c.customerId)).toEqual(['a']);
    expect(s.customers[0].frequency).toBe(0);
  });

  it('keeps zero and negative amounts as shipments, summed per day', () => {
    const { customers } = rfmSummary(
      [
        tx('a', '2024-01-01', 10),
        tx('a', '2024-01-02', 0),
        tx('a', '2024-01-03', -5),
        tx('a', '2024-01-03', 2),
      ],
      { end: '2024-01-05', unit: 'day' },
    );
    expect(customers[0]).toMatchObject({ frequency: 2, monetaryValue: -1.5 });
  });

  it('rejects malformed input with INVALID_INPUT', () => {
    const bad = [
      [tx('a', '2024-13-01', 1)],
      [tx('a', '2024-02-30', 1)],
      [tx('a', '20240101', 1)],
      [tx('a', '2024-01-01', Number.NaN)],
      [tx('', '2024-01-01', 1)],
    ];
    for (const rows of bad) {
      expect(() => rfmSummary(rows, { end: '2024-12-31', unit: 'day' })).toThrow(
        expect.objectContaining({ code: 'ANALYTICS.INVALID_INPUT' }),
      );
    }
    expect(() => rfmSummary([], { end: '2024-12-31', unit: 'month' as 'day' })).toThrow(AnalyticsError);
  });

  it('does not depend on row order', () => {
    const row = fc.record({
      customerId: fc.constantFrom('1', '2', '3', '10'),
      date: fc
        .integer({ min: 0, max: 60 })
        .map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)),
      amount: fc.integer({ min: -100, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.nat(), (rows, seed) => {
        const shuffled = [...rows].sort(
          (a, b) => ((a.amount * 31 + seed) % 7) - ((b.amount * 31 + seed) % 7),
        );
        const opts = { end: '2024-02-15', unit: 'week' as const };
        expect(rfmSummary(shuffled, opts)).toEqual(rfmSummary(rows, opts));
      }),
    );
  });
});
