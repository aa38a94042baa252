import { useEffect, useState } from 'react';
import type { TicketDto } from './api';

type Clock = TicketDto['sla']['firstResponse'];
export type ClockState = 'none' | 'met' | 'metLate' | 'paused' | 'breached' | 'warning' | 'running';

/** Where one SLA clock stands, from the server's figures (the server decides; the UI only colours). */
export function clockState(
  c: Clock,
  paused: boolean,
  warnPercent: number,
  remaining = c.remainingMinutes,
): ClockState {
  if (c.targetMinutes === null) return 'none';
  if (c.metAt) return c.breached ? 'metLate' : 'met';
  if (paused) return 'paused';
  if (c.breached || (remaining !== null && remaining < 0)) return 'breached';
  // used share ≥ warning share, in whole numbers (0.2 × 120 is not exactly 24 in floating point)
  if (remaining !== null && (c.targetMinutes - remaining) * 100 >= c.targetMinutes * warnPercent)
    return 'warning';
  return 'running';
}

/** The worse of a ticket's two clocks, for the list. */
export function ticketSlaState(t: TicketDto): ClockState {
  const order: ClockState[] = ['breached', 'warning', 'paused', 'running', 'metLate', 'met', 'none'];
  const a = clockState(t.sla.firstResponse, t.sla.paused, t.sla.warnPercent);
  const b = clockState(t.sla.resolution, t.sla.paused, t.sla.warnPercent);
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
}

/** The i18n key of a clock state's one-word label. */
export const STATE_LABEL = {
  none: 'sla.noTarget',
  met: 'tickets.notBreached',
  metLate: 'sla.breachedTag',
  paused: 'sla.pausedShort',
  breached: 'sla.breachedTag',
  warning: 'sla.warningTag',
  running: 'tickets.notBreached',
} as const satisfies Record<ClockState, string>;

export const CLOCK_COLOR: Record<ClockState, string> = {
  none: 'default',
  met: 'success',
  metLate: 'warning',
  paused: 'blue',
  breached: 'error',
  warning: 'orange',
  running: 'processing',
};

/**
 * Seconds of business time left, ticking every second from the server's figure at the time it was
 * fetched. The ticket is refetched every minute, which corrects the count outside business hours.
 */
export function useLiveSeconds(remainingMinutes: number | null, fetchedAt: number, running: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (remainingMinutes === null) return null;
  if (!running) return remainingMinutes * 60;
  return Math.round(remainingMinutes * 60 - Math.max(0, now - fetchedAt) / 1000);
}

/** Hours:minutes:seconds of business time (hours not folded into days: a business day is not 24 h). */
export function formatDuration(seconds: number): string {
  const s = Math.abs(seconds);
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), Math.floor(s % 60)]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
}
