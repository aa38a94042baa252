import { describe, expect, it } from 'vitest';
import { bucketsOf, type Grain, piecesOf } from './periods.js';

const DAY = 86_400_000;
const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.parse(`${to}T00:00:00Z`); t += DAY)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
/** Days in a piece: 1, 7, or the month's length (day 0 of the next month). */
const length = (grain: Grain, start: string) =>
  grain === 'day'
    ? 1
    : grain === 'week'
      ? 7
      : new Date(Date.UTC(+start.slice(0, 4), +start.slice(5, 7), 0)).getUTCDate();
const plus = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

describe('period pieces', () => {
  const all = new Set<Grain>(['month', 'week']);
  const periods = [
    ['2025-01-01', '2026-01-01'],
    ['2025-03-15', '2025-07-02'],
    ['2024-12-30', '2025-01-06'],
    ['2025-02-11', '2025-02-14'],
    ['2024-02-20', '2024-03-31'],
  ];

  it('cover every day of every bucket exactly once, in that bucket', () => {
    for (const [from, to] of periods)
      for (const trend of ['none', 'week', 'month'] as const)
        for (const grains of [all, new Set<Grain>(['month']), new Set<Grain>()]) {
          const buckets = bucketsOf(from!, to!, trend);
          const covered: string[] = [];
          for (const p of piecesOf(buckets, grains)) {
            expect(grains.has(p.grain) || p.grain === 'day').toBe(true);
            const b = buckets.find((x) => x.bucket === p.bucket)!;
            const span = days(p.start, plus(p.start, length(p.grain, p.start)));
            for (const d of span)
              expect(d >= b.lo && d < b.hi, `${p.grain} ${p.start} in ${b.bucket}`).toBe(true);
            covered.push(...span);
          }
          expect(covered.sort()).toEqual(days(from!, to!));
        }
  });

  it('take whole months and weeks first, leaving only edge days', () => {
    const pieces = piecesOf(bucketsOf('2025-03-15', '2025-07-02', 'none'), all);
    expect(pieces.filter((p) => p.grain === 'month').map((p) => p.start)).toEqual([
      '2025-04-01',
      '2025-05-01',
      '2025-06-01',
    ]);
    expect(pieces.filter((p) => p.grain === 'week').map((p) => p.start)).toEqual([
      '2025-03-17',
      '2025-03-24',
    ]);
    expect(pieces.filter((p) => p.grain === 'day')).toHaveLength(3 + 1);
    const weeks = bucketsOf('2025-01-01', '2025-02-01', 'week');
    expect(weeks.map((b) => b.bucket)).toEqual([
      '2024-12-30',
      '2025-01-06',
      '2025-01-13',
      '2025-01-20',
      '2025-01-27',
    ]);
    expect(weeks[0]).toEqual({ bucket: '2024-12-30', lo: '2025-01-01', hi: '2025-01-06' });
  });
});
