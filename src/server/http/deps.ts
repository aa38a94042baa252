import type { Config } from '../config.js';
import type { Database } from '../db/client.js';

/** What every domain's routes receive. */
export interface AppDeps {
  database: Database;
  config: Config;
}
