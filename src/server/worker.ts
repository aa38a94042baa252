/**
 * `npm run worker`: runs the job workers (SLA sweep, mail delivery, reminders) apart from the API.
 * Start the API with JOBS=off when workers run this way; both use the same database.
 */
import pino from 'pino';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { openConfiguredDatabase } from './db/open.js';
import './domains/analytics/index.js';
import './domains/serviceDesk.js';
import { startJobRunner } from './jobs/runner.js';
import { systemClock } from './lib/clock.js';

const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL });
const target = await openConfiguredDatabase(config);
await migrateDatabase(target.url);
const database = openDatabase(target.url, 5);
const runner = await startJobRunner(target.url, {
  database,
  config,
  clock: systemClock,
  log: (obj, msg) => logger.warn(obj, msg),
});
logger.info('LogiCRM worker running');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await runner.stop();
    await database.close();
    await target.stop();
    process.exit(0);
  });
}
