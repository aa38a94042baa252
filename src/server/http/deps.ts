import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Clock } from '../lib/clock.js';

/** What every domain's routes receive. */
export interface AppDeps {
  database: Database;
  config: Config;
  /** Defaults to the system clock; tests pass a TestClock. */
  clock?: Clock;
}
