import PgBoss from 'pg-boss';
import { JOB_NAMES, JOB_SCHEMA } from './names.js';

/** Installs or upgrades pg-boss's schema and creates every queue; idempotent, run with migrations. */
export async function installJobQueues(url: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: url,
    schema: JOB_SCHEMA,
    supervise: false,
    schedule: false,
    max: 2,
  });
  boss.on('error', () => {});
  await boss.start();
  try {
    for (const name of JOB_NAMES)
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, retryLimit: 3 });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
