import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from './businessTime.js';

/** What the SLA clocks of a ticket depend on. */
export interface ClockInputs {
  createdAt: Date;
  /** When the resolution clock (re)started: creation, or the last reopening. */
  slaStartedAt: Date;
  firstResponseAt: Date | null;
  firstResponseTarget: number | null;
  resolutionTarget: number | null;
  warnPercent: number;
  pausedMinutes: number;
  pausedSince: Date | null;
}

export interface Deadlines {
  firstResponseDueAt: Date | null;
  firstResponseWarnAt: Date | null;
  resolutionDueAt: Date | null;
  resolutionWarnAt: Date | null;
}

/**
 * The stored deadlines the SLA sweep compares with "now". While the clock is paused there is no
 * deadline; when it resumes the paused business minutes push every deadline back.
 */
export function computeDeadlines(cal: BusinessCalendar, t: ClockInputs): Deadlines {
  if (t.pausedSince)
    return {
      firstResponseDueAt: null,
      firstResponseWarnAt: null,
      resolutionDueAt: null,
      resolutionWarnAt: null,
    };
  const at = (start: Date, target: number | null, share = 1) =>
    target === null ? null : addBusinessMinutes(cal, start, Math.round(target * share) + t.pausedMinutes);
  // kept after the first response too: compliance compares the response with it
  return {
    firstResponseDueAt: at(t.createdAt, t.firstResponseTarget),
    firstResponseWarnAt: at(t.createdAt, t.firstResponseTarget, t.warnPercent / 100),
    resolutionDueAt: at(t.slaStartedAt, t.resolutionTarget),
    resolutionWarnAt: at(t.slaStartedAt, t.resolutionTarget, t.warnPercent / 100),
  };
}

/** Business minutes left until `due` (negative once overdue), rounded down to whole minutes. */
export function remainingMinutes(cal: BusinessCalendar, due: Date | null, now: Date): number | null {
  if (!due) return null;
  return due > now
    ? Math.floor(businessMinutesBetween(cal, now, due))
    : -Math.ceil(businessMinutesBetween(cal, due, now));
}
