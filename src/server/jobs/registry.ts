import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Clock } from '../lib/clock.js';
import type { JobName } from './names.js';

export interface JobContext {
  database: Database;
  config: Config;
  clock: Clock;
  log: (obj: Record<string, unknown>, msg: string) => void;
}

export interface JobDefinition {
  name: JobName;
  /** Runs one job; a thrown error makes pg-boss retry it. */
  handle: (ctx: JobContext, data: Record<string, unknown>) => Promise<void>;
  /** Cron (UTC) for recurring runs; pg-boss makes sure one process fires it. */
  cron?: string;
}

/** Handlers by queue; each domain registers its own from its index.ts. */
export const JOB_DEFINITIONS = new Map<JobName, JobDefinition>();

export function registerJob(def: JobDefinition): void {
  JOB_DEFINITIONS.set(def.name, def);
}
