/**
 * The nightly run without a job queue: every process checks every few minutes; after the configured
 * hour (company time) each tries to claim the day's run with INSERT … ON CONFLICT DO NOTHING on
 * (kind, as_of) — exactly one process gets the row and runs it. pg-boss may replace this later.
 */
import type { Db } from '../../db/client.js';
import { companySettings } from '../organization/settings.js';
import { todayIn } from '../partners/service.js';
import { runNow } from './runService.js';
import { getAnalyticsSettings } from './settingsService.js';

export const hourIn = (timeZone: string, now = new Date()) =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now));

/** One check: runs today's nightly analytics if it is time and nobody has claimed it. */
export async function nightlyTick(db: Db, now = new Date()) {
  const { timezone } = await companySettings(db);
  const { settings } = await getAnalyticsSettings(db);
  if (hourIn(timezone, now) < settings.nightlyHour) return null;
  return runNow(db, 'nightly', null, todayIn(timezone, now));
}

export function startNightlySchedule(db: Db, log: (err: unknown) => void, everyMs = 5 * 60_000) {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    nightlyTick(db)
      .catch(log)
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
