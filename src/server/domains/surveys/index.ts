import { registerJob } from '../../jobs/registry.js';
import { ACCOUNT_REFERENCES } from '../accounts/merge.js';
import { dispatchSurveys } from './dispatch.js';
import { dispatchPeriodicSurveys } from './periodic.js';
import { remindSurveys } from './reminders.js';

export { publicSurveyRoutes } from './publicRoutes.js';
export { surveysRoutes } from './routes.js';

// a merged account takes over the surveys and skips of the one merged into it
ACCOUNT_REFERENCES.push(
  { table: 'survey_invitations', column: 'account_id' },
  { table: 'survey_skips', column: 'account_id' },
);

registerJob({
  name: 'surveys.dispatch',
  cron: '*/15 * * * *',
  handle: async (ctx) => {
    const r = await dispatchSurveys(ctx.database.db, ctx.clock.now(), ctx.config.PUBLIC_URL);
    if (r.sent || r.skipped) ctx.log(r, 'surveys dispatched');
  },
});

// relationship surveys per tier: daily at 01:00 UTC (09:00 in Shanghai), each account once per period
registerJob({
  name: 'surveys.periodic',
  cron: '0 1 * * *',
  handle: async (ctx) => {
    const r = await dispatchPeriodicSurveys(ctx.database.db, ctx.clock.now(), ctx.config.PUBLIC_URL);
    if (r.sent || r.skipped) ctx.log(r, 'periodic surveys dispatched');
  },
});

// one reminder to surveys not answered after the configured days
registerJob({
  name: 'surveys.remind',
  cron: '20 * * * *',
  handle: async (ctx) => {
    const r = await remindSurveys(ctx.database.db, ctx.clock.now(), ctx.config.PUBLIC_URL);
    if (r.sent) ctx.log(r, 'survey reminders sent');
  },
});
