/**
 * Business time: working hours per weekday in a calendar's own IANA time zone, public holidays and
 * make-up working days (调休). Pure functions, no I/O. All instants are UTC `Date`s; the calendar's
 * zone decides which local day and hour an instant falls on, so DST zones need no special case.
 */

/** Minutes from local midnight: [start, end), e.g. [540, 720] = 09:00–12:00. */
export type WorkingInterval = readonly [number, number];

export interface BusinessCalendar {
  timeZone: string;
  /** Index 0 = Monday … 6 = Sunday (ISO order); each day's intervals ascending, not overlapping. */
  week: readonly (readonly WorkingInterval[])[];
  /** Local dates (YYYY-MM-DD) with no work, even on a weekday. */
  holidays: readonly string[];
  /** Local dates (YYYY-MM-DD) worked although they fall on a weekend (调休). */
  makeUpDays: readonly string[];
  /** Hours of a make-up day; default: the first weekday that has working hours. */
  makeUpHours?: readonly WorkingInterval[];
}

/** A span of real time when the clock stands still (waiting on the customer). `to` null = still open. */
export interface Pause {
  from: Date;
  to: Date | null;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** The search gives up after this many days: a calendar with no working time at all. */
const MAX_DAYS = 3 * 366;

export class NoWorkingTimeError extends Error {
  constructor() {
    super('The business calendar has no working time within three years');
    this.name = 'NoWorkingTimeError';
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows this IANA zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Local wall-clock fields of an instant in a zone. */
function localParts(at: number, timeZone: string) {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(at)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year, m: p.month, d: p.day, minute: p.hour * 60 + p.minute, second: p.second };
}

/** Offset of the zone at an instant, in ms (local − UTC). */
function offsetAt(at: number, timeZone: string): number {
  const l = localParts(at, timeZone);
  const asUtc = Date.UTC(l.y, l.m - 1, l.d, 0, l.minute, l.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant of a local wall-clock time. A time skipped by a DST jump resolves to the same distance
 * after the jump; an ambiguous time (clocks going back) resolves to its first occurrence.
 */
export function localToInstant(y: number, m: number, d: number, minute: number, timeZone: string): number {
  const key = `${timeZone}|${y}|${m}|${d}|${minute}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const naive = Date.UTC(y, m - 1, d, 0, minute);
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  const at = Math.min(first, second);
  // zone rules do not change while the process runs; the bound keeps the memory small
  if (instants.size > 100_000) instants.clear();
  instants.set(key, at);
  return at;
}

/** Resolved wall-clock times: Intl lookups dominate the cost, and the same days recur constantly. */
const instants = new Map<string, number>();

const isoDate = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The working intervals of one local date, as UTC instants. */
function workingSpans(cal: BusinessCalendar, y: number, m: number, d: number): [number, number][] {
  const date = isoDate(y, m, d);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  let hours: readonly WorkingInterval[];
  if (cal.holidays.includes(date)) hours = [];
  else if (cal.makeUpDays.includes(date)) hours = cal.makeUpHours ?? cal.week.find((h) => h.length > 0) ?? [];
  else hours = cal.week[weekday] ?? [];
  return hours.map(([s, e]) => [
    localToInstant(y, m, d, s, cal.timeZone),
    localToInstant(y, m, d, e, cal.timeZone),
  ]);
}

/** Working spans day by day from the local day containing `from`, minus the pauses. */
function* spansFrom(cal: BusinessCalendar, from: number, pauses: readonly Pause[], until: number) {
  const start = localParts(from, cal.timeZone);
  // walk local dates through a UTC noon anchor: immune to DST and offsets
  let anchor = Date.UTC(start.y, start.m - 1, start.d, 12);
  for (let i = 0; i < MAX_DAYS && anchor - 2 * DAY < until; i++, anchor += DAY) {
    const day = new Date(anchor);
    for (const span of workingSpans(cal, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate())) {
      for (const piece of subtractPauses([Math.max(span[0], from), span[1]], pauses, from))
        if (piece[1] > piece[0]) yield piece;
    }
  }
}

function subtractPauses(span: [number, number], pauses: readonly Pause[], now: number): [number, number][] {
  let pieces = [span];
  for (const p of pauses) {
    const a = p.from.getTime();
    const b = p.to ? p.to.getTime() : Number.POSITIVE_INFINITY;
    if (b <= a || b <= now) continue;
    pieces = pieces.flatMap(([s, e]): [number, number][] => {
      if (b <= s || a >= e) return [[s, e]];
      const out: [number, number][] = [];
      if (a > s) out.push([s, a]);
      if (b < e) out.push([b, e]);
      return out;
    });
  }
  return pieces;
}

/**
 * The instant `minutes` business minutes after `start` (pauses excluded). Zero minutes gives the
 * next working instant at or after `start`. Null while an open pause stops the clock before the
 * deadline is reached.
 */
export function addBusinessMinutes(
  cal: BusinessCalendar,
  start: Date,
  minutes: number,
  pauses: readonly Pause[] = [],
): Date | null {
  if (minutes < 0) throw new RangeError('minutes must not be negative');
  let left = minutes * MINUTE;
  const open = Math.min(...pauses.filter((p) => p.to === null).map((p) => p.from.getTime()));
  for (const [s, e] of spansFrom(cal, start.getTime(), pauses, open)) {
    if (e - s >= left) return new Date(s + left);
    left -= e - s;
  }
  if (Number.isFinite(open)) return null;
  throw new NoWorkingTimeError();
}

/** Business minutes (fractional) from `from` to `to`, pauses excluded; 0 when `to` ≤ `from`. */
export function businessMinutesBetween(
  cal: BusinessCalendar,
  from: Date,
  to: Date,
  pauses: readonly Pause[] = [],
): number {
  const end = to.getTime();
  if (end <= from.getTime()) return 0;
  let total = 0;
  for (const [s, e] of spansFrom(cal, from.getTime(), pauses, end)) {
    if (s >= end) break;
    total += Math.min(e, end) - s;
  }
  return total / MINUTE;
}

/** Parses "HH:MM" into minutes from midnight ("24:00" allowed as an end). */
export function parseClock(text: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : null;
}

/** A usual Chinese office calendar: Monday–Friday 09:00–12:00 and 13:00–18:00, Asia/Shanghai. */
export const STANDARD_CALENDAR: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  week: [
    [
      [540, 720],
      [780, 1080],
    ],
    [
      [540, 720],
      [780, 1080],
    ],
    [
      [540, 720],
      [780, 1080],
    ],
    [
      [540, 720],
      [780, 1080],
    ],
    [
      [540, 720],
      [780, 1080],
    ],
    [],
    [],
  ],
  holidays: [],
  makeUpDays: [],
};
