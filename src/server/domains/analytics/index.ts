// Customer analytics registers its nightly job when imported (the account 360° page shows its badges
// from GET /analytics/accounts/:id); the server imports it through app.ts, the worker directly.
import { registerJob } from '../../jobs/registry.js';
import { nightlyTick } from './schedule.js';

export { analyticsRoutes } from './routes.js';

registerJob({
  name: 'analytics.nightly',
  // hourly: the first tick after the configured hour (company time) claims the day's run, once per day
  cron: '7 * * * *',
  handle: async (ctx) => {
    await nightlyTick(ctx.database.db, ctx.clock.now());
  },
});
