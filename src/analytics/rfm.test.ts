import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quintileScores, RFM_SEGMENTS, rfmScores, rfmSegment, rfmValues } from './rfm.js';

const code = (c: string) => expect.objectContaining({ code: c });

describe('rfmValues', () => {
  it('R = days since last shipment, F = shipments in window, M = revenue in window; future rows counted', () => {
    const { customers, futureTransactions } = rfmValues(
      [
        { customerId: 'a', date: '2023-01-01', amount: 100 }, // before the window: counts for R only
        { customerId: 'a', date: '2024-06-01', amount: 10 },
        { customerId: 'a', date: '2024-06-01', amount: 5 },
        { customerId: 'b', date: '2023-03-01', amount: 50 },
        { customerId: 'b', date: '2025-01-01', amount: 50 }, // future
      ],
      { asOf: '2024-06-30', windowDays: 365 },
    );
    expect(customers).toEqual([
      { customerId: 'a', recencyDays: 29, frequency: 2, monetary: 15 },
      { customerId: 'b', recencyDays: 487, frequency: 0, monetary: 0 },
    ]);
    expect(futureTransactions).toBe(1);
  });
  it('rejects a bad window or amount', () => {
    expect(() => rfmValues([], { asOf: '2024-01-01', windowDays: 0 })).toThrow(
      code('ANALYTICS.INVALID_INPUT'),
    );
    expect(() =>
      rfmValues([{ customerId: 'a', date: '2024-01-01', amount: Number.NaN }], { asOf: '2024-01-01' }),
    ).toThrow(code('ANALYTICS.INVALID_INPUT'));
  });
});

describe('quintileScores', () => {
  it('five distinct values get 1..5; ten get two each', () => {
    expect(quintileScores([50, 10, 40, 20, 30])).toEqual([5, 1, 4, 2, 3]);
    expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
  it('all equal → all 3; a dominant value is not split', () => {
    expect(quintileScores([7, 7, 7])).toEqual([3, 3, 3]);
    expect(quintileScores([1, 1, 1, 1, 1, 1, 2, 3, 4, 5])).toEqual([2, 2, 2, 2, 2, 2, 4, 4, 5, 5]);
    expect(quintileScores([])).toEqual([]);
  });
  it('ties are never split and row order never matters', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 80 }), (values) => {
        const scores = quintileScores(values);
        const byValue = new Map<number, number>();
        values.forEach((v, i) => {
          expect(byValue.get(v) ?? scores[i]).toBe(scores[i]);
          byValue.set(v, scores[i]);
          expect(scores[i]).toBeGreaterThanOrEqual(1);
          expect(scores[i]).toBeLessThanOrEqual(5);
        });
        const reversed = quintileScores([...values].reverse());
        expect(reversed.reverse()).toEqual(scores);
        // monotone: a larger value never scores lower
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            if (values[i] < values[j]) expect(scores[i]).toBeLessThanOrEqual(scores[j]);
          }
        }
      }),
    );
  });
});

describe('segments', () => {
  it('follows the documented R × FM grid', () => {
    expect(rfmSegment(5, 5, 5)).toBe('Champions');
    expect(rfmSegment(5, 1, 1)).toBe('New');
    expect(rfmSegment(4, 1, 1)).toBe('Promising');
    expect(rfmSegment(4, 5, 4)).toBe('Loyal');
    expect(rfmSegment(5, 2, 3)).toBe('Potential loyalist');
    expect(rfmSegment(3, 3, 3)).toBe('Need attention');
    expect(rfmSegment(3, 1, 2)).toBe('About to sleep');
    expect(rfmSegment(2, 4, 3)).toBe('At risk');
    expect(rfmSegment(1, 5, 5)).toBe("Can't lose");
    expect(rfmSegment(2, 1, 1)).toBe('Hibernating');
    expect(rfmSegment(1, 1, 2)).toBe('Lost');
    expect(() => rfmSegment(0, 1, 1)).toThrow(code('ANALYTICS.INVALID_INPUT'));
  });
  it('every grid cell is one of the eleven names and every name is used', () => {
    const used = new Set<string>();
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) used.add(rfmSegment(r, f, m));
    expect([...used].sort()).toEqual([...RFM_SEGMENTS].sort());
  });
  it('rfmScores: recent = 5, and scores are stable under row order', () => {
    const rows = [
      { customerId: 'a', recencyDays: 3, frequency: 20, monetary: 5000 },
      { customerId: 'b', recencyDays: 400, frequency: 1, monetary: 10 },
      { customerId: 'c', recencyDays: 30, frequency: 5, monetary: 800 },
      { customerId: 'd', recencyDays: 200, frequency: 12, monetary: 3000 },
      { customerId: 'e', recencyDays: 10, frequency: 1, monetary: 40 },
    ];
    const scores = rfmScores(rows);
    expect(scores.map((s) => [s.customerId, s.r, s.f, s.m, s.segment])).toEqual([
      ['a', 5, 5, 5, 'Champions'],
      ['b', 1, 1, 1, 'Lost'],
      ['c', 3, 3, 3, 'Need attention'],
      ['d', 2, 4, 4, 'At risk'],
      ['e', 4, 1, 2, 'Potential loyalist'],
    ]);
    const reversed = rfmScores([...rows].reverse()).reverse();
    expect(reversed).toEqual(scores);
  });
});
