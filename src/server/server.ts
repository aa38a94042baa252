import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp, LOG_REDACT } from './app.js';
import { type BootstrapResult, bootstrap } from './bootstrap.js';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { type DatabaseTarget, openConfiguredDatabase } from './db/open.js';
import { settleRuns } from './domains/analytics/runService.js';
import { type JobRunner, startJobRunner } from './jobs/runner.js';
import { type Clock, systemClock } from './lib/clock.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  target: DatabaseTarget;
  database: Database;
  bootstrap: BootstrapResult;
  stop: () => Promise<void>;
}

/** Open (or start) the database, migrate, bootstrap on first start, serve. Used by main and tests. */
export async function startServer(
  config: Config,
  opts: { empty?: boolean; serveWeb?: boolean; clock?: Clock } = {},
): Promise<RunningServer> {
  const logger = pino({ level: config.LOG_LEVEL, redact: LOG_REDACT });
  const target = await openConfiguredDatabase(config, (m) =>
    logger.debug({ pg: m.trim() }, 'embedded postgres'),
  );
  try {
    await migrateDatabase(target.url);
    const database = openDatabase(target.url, 20);
    const boot = await bootstrap(database.db, config, opts.empty ?? config.LOGICRM_EMPTY, (m) =>
      logger.info(m),
    );
    const clock = opts.clock ?? systemClock;
    const app = await buildApp({ database, config, clock }, { logger, serveWeb: opts.serveWeb });
    const url = await app.listen({ port: config.PORT, host: config.HOST });
    let jobs: JobRunner | undefined;
    if (config.JOBS === 'in-process') {
      jobs = await startJobRunner(target.url, {
        database,
        config,
        clock,
        log: (obj, msg) => logger.warn(obj, msg),
      });
    }
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await jobs?.stop();
        await app.close();
        await settleRuns();
        await database.close();
        await target.stop();
      })();
      return stopping;
    };
    return { app, url, target, database, bootstrap: boot, stop };
  } catch (err) {
    await target.stop();
    throw err;
  }
}
