import PgBoss from 'pg-boss';
import { JOB_SCHEMA } from './names.js';
import { JOB_DEFINITIONS, type JobContext } from './registry.js';

export interface JobRunner {
  boss: PgBoss;
  stop: () => Promise<void>;
}

/**
 * Starts pg-boss on the product's database: one worker per registered queue and the recurring
 * schedules. Runs inside the server by default, or alone in `npm run worker`.
 */
export async function startJobRunner(url: string, ctx: JobContext): Promise<JobRunner> {
  const boss = new PgBoss({ connectionString: url, schema: JOB_SCHEMA, max: 4 });
  boss.on('error', (err) => ctx.log({ err }, 'job queue error'));
  await boss.start();
  for (const def of JOB_DEFINITIONS.values()) {
    await boss.work(def.name, { pollingIntervalSeconds: 2, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) await def.handle(ctx, (job.data ?? {}) as Record<string, unknown>);
    });
    if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'UTC', singletonKey: def.name });
  }
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
