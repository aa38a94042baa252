import type { Db } from '../db/client.js';
import { type Actor, systemActor } from '../lib/actor.js';
import { accountsDemo } from './accounts.js';
import { analyticsDemo } from './analytics.js';
import { knowledgeDemo } from './knowledge.js';
import { platformDemo } from './platform.js';
import { serviceDeskDemo } from './serviceDesk.js';
import { shipmentsDemo } from './shipments.js';
import { surveysDemo } from './surveys.js';

export { DEMO_PASSWORD } from './platform.js';

import { DemoRandom } from './random.js';

export interface DemoContext {
  db: Db;
  actor: Actor;
  random: DemoRandom;
  /** The demo's "today": fixed per load so every later step builds on the same timeline. */
  today: Date;
  /** What earlier steps made, for later steps to build on (users by role, accounts, …). */
  made: Record<string, unknown>;
}

export interface DemoStep {
  name: string;
  run: (ctx: DemoContext) => Promise<void>;
}

/** The demo company, step by step; each capability appends its step and goes through its own services. */
export const DEMO_STEPS: DemoStep[] = [
  platformDemo,
  accountsDemo,
  shipmentsDemo,
  serviceDeskDemo,
  knowledgeDemo,
  analyticsDemo,
  surveysDemo,
];

export async function loadDemo(
  db: Db,
  log: (msg: string) => void = () => {},
  seed = 20261122,
): Promise<void> {
  const ctx: DemoContext = {
    db,
    actor: systemActor('demo'),
    random: new DemoRandom(seed),
    today: new Date(),
    made: {},
  };
  for (const step of DEMO_STEPS) {
    const t0 = Date.now();
    await step.run(ctx);
    log(`demo: ${step.name} (${Date.now() - t0} ms)`);
  }
}
