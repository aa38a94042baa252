// Customer analytics registers its nightly job when imported (the account 360° page shows its badges
// from GET /analytics/accounts/:id); the server imports it through app.ts, the worker directly.
import { registerJob } from '../../jobs/registry.js';
import { ACCOUNT_REFERENCES } from '../accounts/merge.js';
import { nightlyTick } from './schedule.js';

export { analyticsRoutes } from './routes.js';

/**
 * A merge moves the merged-away account's analytics history to the survivor, so its segments, risk and
 * movements stay on the one customer. In a run where both had a row the survivor's stays (each row is one
 * account's own figures then; the next run computes the merged customer from the moved shipments).
 */
ACCOUNT_REFERENCES.push({ table: 'account_segments', column: 'account_id', onePerAccountAnd: 'run_id' });

registerJob({
  name: 'analytics.nightly',
  // hourly: the first tick after the configured hour (company time) claims the day's run, once per day
  cron: '7 * * * *',
  handle: async (ctx) => {
    await nightlyTick(ctx.database.db, ctx.clock.now());
  },
});
