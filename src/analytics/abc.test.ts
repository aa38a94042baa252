import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abcClasses } from './abc.js';

const classes = (values: number[]) =>
  Object.fromEntries(
    abcClasses(values.map((value, i) => ({ id: `c${i}`, value }))).map((r) => [r.id, r.class]),
  );

describe('abcClasses', () => {
  it('A while ≤ 80 %, B while ≤ 95 %, C for the rest; the crossing account keeps the class it starts in', () => {
    // shares: 50, 25 (cum 75), 10 (starts at 75 → crosses 80 → A), 6 (starts 85 → B), 5 (starts 91 → B, crosses 95), 4 (starts 96 → C)
    expect(classes([50, 25, 10, 6, 5, 4])).toEqual({ c0: 'A', c1: 'A', c2: 'A', c3: 'B', c4: 'B', c5: 'C' });
  });
  it('an account starting exactly at a boundary belongs to the next class', () => {
    // 80 ends exactly at 80 %: the next account starts at 80 % → B; 15 ends at 95 % → next is C
    expect(classes([80, 15, 5])).toEqual({ c0: 'A', c1: 'B', c2: 'C' });
    expect(classes([40, 40, 15, 5])).toEqual({ c0: 'A', c1: 'A', c2: 'B', c3: 'C' });
  });
  it('one account is A; equal values share a class and rank', () => {
    expect(classes([7])).toEqual({ c0: 'A' });
    const rows = abcClasses([
      { id: 'x', value: 70 },
      { id: 'y', value: 10 },
      { id: 'z', value: 10 },
      { id: 'w', value: 10 },
    ]);
    expect(rows.map((r) => [r.id, r.class, r.rank])).toEqual([
      ['x', 'A', 1],
      ['w', 'A', 2],
      ['y', 'A', 2],
      ['z', 'A', 2],
    ]);
  });
  it('zero and negative values are C and do not count in the total', () => {
    expect(classes([90, 10, 0, -50])).toEqual({ c0: 'A', c1: 'B', c2: 'C', c3: 'C' });
    expect(classes([0, 0, -1])).toEqual({ c0: 'C', c1: 'C', c2: 'C' });
    expect(abcClasses([])).toEqual([]);
  });
  it('rejects bad thresholds and non-finite values', () => {
    expect(() => abcClasses([{ id: 'a', value: 1 }], { a: 0.9, b: 0.8 })).toThrow(/thresholds/);
    expect(() => abcClasses([{ id: 'a', value: Number.NaN }])).toThrow(/not finite/);
  });
  it('properties: order-independent, ties never split, class never improves down the ranking', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 30 }), { maxLength: 60 }), (values) => {
        const input = values.map((value, i) => ({ id: String(i), value }));
        const rows = abcClasses(input);
        expect(abcClasses([...input].reverse())).toEqual(rows);
        const byValue = new Map<number, string>();
        for (const r of rows) {
          expect(byValue.get(r.value) ?? r.class).toBe(r.class);
          byValue.set(r.value, r.class);
        }
        const order = rows.map((r) => r.class).join('');
        expect(order).toMatch(/^A*B*C*$/);
      }),
    );
  });
});
