import { describe, expect, it } from 'vitest';
import { clockState, formatDuration } from './slaState';

const clock = (over: Partial<Parameters<typeof clockState>[0]> = {}) => ({
  targetMinutes: 120,
  dueAt: '2025-09-22T03:00:00.000Z',
  remainingMinutes: 100,
  metAt: null,
  breached: false,
  ...over,
});

describe('SLA clock state', () => {
  it('runs, warns past the warning share, breaches when overdue', () => {
    expect(clockState(clock(), false, 80)).toBe('running');
    expect(clockState(clock({ remainingMinutes: 25 }), false, 80)).toBe('running'); // 79 % used
    expect(clockState(clock({ remainingMinutes: 24 }), false, 80)).toBe('warning'); // 80 % used
    expect(clockState(clock({ remainingMinutes: -1 }), false, 80)).toBe('breached');
    // the live count decides between server refreshes
    expect(clockState(clock(), false, 80, -0.5)).toBe('breached');
  });

  it('is paused while waiting on the customer, met or met late once answered', () => {
    expect(clockState(clock({ remainingMinutes: null }), true, 80)).toBe('paused');
    expect(clockState(clock({ metAt: '2025-09-22T02:00:00.000Z' }), false, 80)).toBe('met');
    expect(clockState(clock({ metAt: '2025-09-22T04:00:00.000Z', breached: true }), false, 80)).toBe(
      'metLate',
    );
    expect(clockState(clock({ targetMinutes: null }), false, 80)).toBe('none');
  });

  it('shows business time as hours, not days', () => {
    expect(formatDuration(1440 * 60)).toBe('24:00:00');
    expect(formatDuration(-(91 * 60 + 7))).toBe('01:31:07');
    expect(formatDuration(59)).toBe('00:00:59');
  });
});
