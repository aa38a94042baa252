// Customer analytics registers its nightly job and its account 360° figures when imported; the server
// imports it through app.ts, the worker directly.
import { registerJob } from '../../jobs/registry.js';
import { registerAnalyticsAccountViews } from './accountViews.js';
import { nightlyTick } from './schedule.js';

export { analyticsRoutes } from './routes.js';

registerAnalyticsAccountViews();

registerJob({
  name: 'analytics.nightly',
  // hourly: the first tick after the configured hour (company time) claims the day's run, once per day
  cron: '7 * * * *',
  handle: async (ctx) => {
    await nightlyTick(ctx.database.db, ctx.clock.now());
  },
});
