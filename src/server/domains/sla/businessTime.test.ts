import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  isTimeZone,
  NoWorkingTimeError,
  parseClock,
  STANDARD_CALENDAR,
} from './businessTime.js';

// Every expected instant below was worked out by hand; comments give the local reasoning.
const at = (iso: string) => new Date(iso);
const add = (cal: BusinessCalendar, start: string, minutes: number, pauses = [] as never[]) =>
  addBusinessMinutes(cal, at(start), minutes, pauses)?.toISOString() ?? null;

/** 2025 National Day + Mid-Autumn: 1–8 October off; Sunday 28 Sept and Saturday 11 Oct worked. */
const CN_2025: BusinessCalendar = {
  ...STANDARD_CALENDAR,
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'].concat([
    '2025-10-04',
    '2025-10-05',
  ]),
  makeUpDays: ['2025-09-28', '2025-10-11'],
};

const nineToFive = [[540, 1020]] as const;
const BERLIN: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  week: [nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, [], []],
  holidays: [],
  makeUpDays: [],
};

describe('addBusinessMinutes — Asia/Shanghai, 09:00–12:00 and 13:00–18:00 Mon–Fri', () => {
  it('adds within one working block', () => {
    // Mon 22 Sept 10:00 CST + 60 → 11:00 CST
    expect(add(STANDARD_CALENDAR, '2025-09-22T02:00:00Z', 60)).toBe('2025-09-22T03:00:00.000Z');
  });
  it('skips the lunch break', () => {
    // 11:30 + 60 → 30 before 12:00, 30 after 13:00 → 13:30 CST
    expect(add(STANDARD_CALENDAR, '2025-09-22T03:30:00Z', 60)).toBe('2025-09-22T05:30:00.000Z');
  });
  it('skips the weekend', () => {
    // Fri 19 Sept 17:00 + 120 → 60 on Friday, Mon 22 09:00 + 60 → 10:00 CST
    expect(add(STANDARD_CALENDAR, '2025-09-19T09:00:00Z', 120)).toBe('2025-09-22T02:00:00.000Z');
  });
  it('treats the closing time as the end of work and opening time as its start', () => {
    // exactly 09:00 + 0 stays; 09:00 + 180 ends at 12:00 sharp; 12:00 + 1 → 13:01
    expect(add(STANDARD_CALENDAR, '2025-09-22T01:00:00Z', 0)).toBe('2025-09-22T01:00:00.000Z');
    expect(add(STANDARD_CALENDAR, '2025-09-22T01:00:00Z', 180)).toBe('2025-09-22T04:00:00.000Z');
    expect(add(STANDARD_CALENDAR, '2025-09-22T04:00:00Z', 1)).toBe('2025-09-22T05:01:00.000Z');
    // Mon 09:00 + 480 → Mon 18:00; Mon 18:00 + 0 → Tue 09:00
    expect(add(STANDARD_CALENDAR, '2025-09-22T01:00:00Z', 480)).toBe('2025-09-22T10:00:00.000Z');
    expect(add(STANDARD_CALENDAR, '2025-09-22T10:00:00Z', 0)).toBe('2025-09-23T01:00:00.000Z');
  });
  it('starts counting at opening when created at night', () => {
    // Mon 02:00 CST + 30 → 09:30 CST
    expect(add(STANDARD_CALENDAR, '2025-09-21T18:00:00Z', 30)).toBe('2025-09-22T01:30:00.000Z');
  });
  it('crosses the 国庆 holidays to the next working day', () => {
    // Tue 30 Sept 16:00 + 480 → 120 on the 30th; 1–8 Oct off; Thu 9 Oct 09:00 + 360 → 16:00 CST
    expect(add(CN_2025, '2025-09-30T08:00:00Z', 480)).toBe('2025-10-09T08:00:00.000Z');
    // without the holidays the same deadline falls on Wed 1 Oct 16:00
    expect(add(STANDARD_CALENDAR, '2025-09-30T08:00:00Z', 480)).toBe('2025-10-01T08:00:00.000Z');
  });
  it('works the make-up Saturday and Sunday (调休)', () => {
    // Fri 10 Oct 17:00 + 120 → 60 Friday, Sat 11 Oct (make-up) 09:00 + 60 → 10:00 CST
    expect(add(CN_2025, '2025-10-10T09:00:00Z', 120)).toBe('2025-10-11T02:00:00.000Z');
    // Sat 27 Sept 10:00 + 60 → Sun 28 Sept (make-up) 10:00 CST
    expect(add(CN_2025, '2025-09-27T02:00:00Z', 60)).toBe('2025-09-28T02:00:00.000Z');
  });
  it('a deadline exactly at closing before a holiday stays on that day', () => {
    // Tue 30 Sept 17:00 + 60 → 18:00 on the 30th, not 9 October
    expect(add(CN_2025, '2025-09-30T09:00:00Z', 60)).toBe('2025-09-30T10:00:00.000Z');
    expect(add(CN_2025, '2025-09-30T09:00:00Z', 61)).toBe('2025-10-09T01:01:00.000Z');
  });
});

describe('addBusinessMinutes — Europe/Berlin across DST', () => {
  it('spring forward: Fri 28 Mar 16:00 CET + 120 → Mon 31 Mar 10:00 CEST', () => {
    expect(add(BERLIN, '2025-03-28T15:00:00Z', 120)).toBe('2025-03-31T08:00:00.000Z');
  });
  it('fall back: Fri 24 Oct 16:00 CEST + 120 → Mon 27 Oct 10:00 CET', () => {
    expect(add(BERLIN, '2025-10-24T14:00:00Z', 120)).toBe('2025-10-27T09:00:00.000Z');
  });
  it('counts a 23-hour and a 25-hour day on a round-the-clock calendar', () => {
    const always: BusinessCalendar = { ...BERLIN, week: Array(7).fill([[0, 1440]]) };
    // Sun 30 Mar 2025 00:00 CET (Sat 23:00Z) → Mon 00:00 CEST (Sun 22:00Z)
    expect(businessMinutesBetween(always, at('2025-03-29T23:00:00Z'), at('2025-03-30T22:00:00Z'))).toBe(
      23 * 60,
    );
    // Sun 26 Oct 2025 00:00 CEST (Sat 22:00Z) → Mon 00:00 CET (Sun 23:00Z)
    expect(businessMinutesBetween(always, at('2025-10-25T22:00:00Z'), at('2025-10-26T23:00:00Z'))).toBe(
      25 * 60,
    );
  });
});

describe('pauses', () => {
  const pause = (from: string, to: string | null) => ({ from: at(from), to: to ? at(to) : null });
  it('stops the clock while waiting on the customer', () => {
    // Mon 10:00 + 120, paused 10:30–11:30 → 10:00–10:30, 11:30–12:00, 13:00–14:00 → 14:00 CST
    const p = [pause('2025-09-22T02:30:00Z', '2025-09-22T03:30:00Z')];
    expect(add(STANDARD_CALENDAR, '2025-09-22T02:00:00Z', 120, p as never)).toBe('2025-09-22T06:00:00.000Z');
    expect(
      businessMinutesBetween(STANDARD_CALENDAR, at('2025-09-22T02:00:00Z'), at('2025-09-22T06:00:00Z'), p),
    ).toBe(120);
  });
  it('an open pause leaves no deadline', () => {
    const p = [pause('2025-09-22T02:30:00Z', null)];
    expect(add(STANDARD_CALENDAR, '2025-09-22T02:00:00Z', 120, p as never)).toBeNull();
    // but a deadline reached before the pause began stands
    expect(add(STANDARD_CALENDAR, '2025-09-22T02:00:00Z', 20, p as never)).toBe('2025-09-22T02:20:00.000Z');
  });
  it('a pause outside working hours changes nothing', () => {
    const p = [pause('2025-09-20T00:00:00Z', '2025-09-21T12:00:00Z')];
    expect(add(STANDARD_CALENDAR, '2025-09-19T09:00:00Z', 120, p as never)).toBe('2025-09-22T02:00:00.000Z');
  });
});

describe('businessMinutesBetween', () => {
  it('counts only working time', () => {
    // Fri 17:00 → Mon 10:00 = 60 + 60
    expect(
      businessMinutesBetween(STANDARD_CALENDAR, at('2025-09-19T09:00:00Z'), at('2025-09-22T02:00:00Z')),
    ).toBe(120);
    // over 国庆: Tue 30 Sept 16:00 → Thu 9 Oct 16:00 = 120 + 360
    expect(businessMinutesBetween(CN_2025, at('2025-09-30T08:00:00Z'), at('2025-10-09T08:00:00Z'))).toBe(480);
  });
  it('is zero backwards and inverse of add', () => {
    expect(
      businessMinutesBetween(STANDARD_CALENDAR, at('2025-09-22T05:00:00Z'), at('2025-09-22T02:00:00Z')),
    ).toBe(0);
    for (const m of [1, 59, 180, 481, 2000]) {
      const start = at('2025-09-26T07:13:00Z');
      const end = addBusinessMinutes(CN_2025, start, m) as Date;
      expect(businessMinutesBetween(CN_2025, start, end)).toBeCloseTo(m, 6);
    }
  });
});

describe('guards', () => {
  it('refuses a calendar without working time', () => {
    const never: BusinessCalendar = { ...STANDARD_CALENDAR, week: Array(7).fill([]) };
    expect(() => addBusinessMinutes(never, at('2025-01-01T00:00:00Z'), 1)).toThrow(NoWorkingTimeError);
  });
  it('parses clock times and zones', () => {
    expect(parseClock('09:30')).toBe(570);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('24:01')).toBeNull();
    expect(parseClock('9:30')).toBeNull();
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
