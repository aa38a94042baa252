import { runNow } from '../domains/analytics/runService.js';
import { companySettings } from '../domains/organization/settings.js';
import { todayIn } from '../domains/partners/service.js';
import type { DemoStep } from './index.js';

/** The first analytics run on the demo's shipments, as of the demo's today. */
export const analyticsDemo: DemoStep = {
  name: 'customer analytics run',
  run: async (ctx) => {
    const { timezone } = await companySettings(ctx.db);
    const run = await runNow(ctx.db, 'manual', ctx.actor, todayIn(timezone, ctx.today));
    ctx.made.analyticsRun = run;
  },
};
