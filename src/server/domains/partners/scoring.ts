import type { ScoreWeights } from '../../../shared/partners.js';

export type Grade = 'A' | 'B' | 'C' | 'D';

/** A 1–5 rating as a 0–100 index, as the CSI formula does: (r − 1) / 4 × 100. */
export const ratingIndex = (rating: number) => ((rating - 1) / 4) * 100;

/**
 * Partner score (DOMAIN.md §3): weighted on-time, intact, satisfaction and price indices, each
 * 0–100, weights in percent summing to 100.
 */
export function partnerScore(
  inputs: { onTimeRate: number; intactRate: number; serviceRating: number; priceRating: number },
  w: ScoreWeights,
): number {
  const total =
    w.onTime * inputs.onTimeRate * 100 +
    w.intact * inputs.intactRate * 100 +
    w.satisfaction * ratingIndex(inputs.serviceRating) +
    w.price * ratingIndex(inputs.priceRating);
  return Math.round((total / 100) * 100) / 100;
}

/** A ≥ 90, B ≥ 80, C ≥ 70, D below. */
export function gradeOf(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  return 'D';
}

/** Two consecutive D grades (this period and the one before it) raise the exit warning (退出机制). */
export const exitWarning = (grade: Grade, previousGrade: string | null) =>
  grade === 'D' && previousGrade === 'D';

/** The period [start, end) of a month or quarter starting on `start` (which must begin one). */
export function periodOf(kind: 'month' | 'quarter', start: string): { start: string; end: string } | null {
  const m = /^(\d{4})-(\d{2})-01$/.exec(start);
  if (!m) return null;
  const month = Number(m[2]);
  if (kind === 'quarter' && (month - 1) % 3 !== 0) return null;
  const d = new Date(Date.UTC(Number(m[1]), month - 1 + (kind === 'month' ? 1 : 3), 1));
  return { start, end: d.toISOString().slice(0, 10) };
}
