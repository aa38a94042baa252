/**
 * The nightly run: the pg-boss job 'analytics.nightly' (index.ts) ticks hourly; after the configured
 * hour (company time) the tick claims the day's run with INSERT … ON CONFLICT DO NOTHING on
 * (kind, as_of), so the run happens once per company day even if several workers tick.
 */
import type { Db } from '../../db/client.js';
import { companySettings } from '../organization/settings.js';
import { todayIn } from '../partners/service.js';
import { runNow } from './runService.js';
import { getAnalyticsSettings } from './settingsService.js';

export const hourIn = (timeZone: string, now = new Date()) =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now));

/** One tick: runs today's nightly analytics if it is time and nobody has claimed it yet. */
export async function nightlyTick(db: Db, now = new Date()) {
  const { timezone } = await companySettings(db);
  const { settings } = await getAnalyticsSettings(db);
  if (hourIn(timezone, now) < settings.nightlyHour) return null;
  return runNow(db, 'nightly', null, todayIn(timezone, now));
}
