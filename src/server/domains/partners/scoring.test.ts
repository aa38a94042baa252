import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_WEIGHTS } from '../../../shared/partners.js';
import { exitWarning, gradeOf, partnerScore, periodOf, ratingIndex } from './scoring.js';

describe('partner scoring', () => {
  it('weights the four indices 40/30/20/10 by default', () => {
    // 0.95×40 + 0.99×30 + 75×0.2 + 50×0.1 = 38 + 29.7 + 15 + 5
    expect(
      partnerScore(
        { onTimeRate: 0.95, intactRate: 0.99, serviceRating: 4, priceRating: 3 },
        DEFAULT_SCORE_WEIGHTS,
      ),
    ).toBe(87.7);
    expect(
      partnerScore({ onTimeRate: 1, intactRate: 1, serviceRating: 5, priceRating: 5 }, DEFAULT_SCORE_WEIGHTS),
    ).toBe(100);
    expect(
      partnerScore(
        { onTimeRate: 1, intactRate: 0, serviceRating: 1, priceRating: 1 },
        { onTime: 25, intact: 25, satisfaction: 25, price: 25 },
      ),
    ).toBe(25);
    expect(ratingIndex(1)).toBe(0);
  });
  it('grades at the boundaries', () => {
    expect([90, 89.99, 80, 79.99, 70, 69.99, 0].map(gradeOf)).toEqual(['A', 'B', 'B', 'C', 'C', 'D', 'D']);
  });
  it('warns after two consecutive D grades only', () => {
    expect(exitWarning('D', 'D')).toBe(true);
    expect(exitWarning('D', 'C')).toBe(false);
    expect(exitWarning('D', null)).toBe(false);
    expect(exitWarning('C', 'D')).toBe(false);
  });
  it('knows months and quarters', () => {
    expect(periodOf('month', '2025-12-01')).toEqual({ start: '2025-12-01', end: '2026-01-01' });
    expect(periodOf('quarter', '2025-10-01')).toEqual({ start: '2025-10-01', end: '2026-01-01' });
    expect(periodOf('quarter', '2025-11-01')).toBeNull();
    expect(periodOf('month', '2025-11-02')).toBeNull();
  });
});
