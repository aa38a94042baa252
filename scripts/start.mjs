// `npm start`: build the web app and the server bundle if their sources changed, then start the
// server (arguments pass through, e.g. `npm start -- --empty`).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { isStale, root, TARGETS } from './lib/stale.mjs';

for (const { script, stamp, inputs } of Object.values(TARGETS)) {
  if (!isStale(join(root, stamp), inputs)) continue;
  const r = spawnSync(process.execPath, [join(root, 'scripts', script)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import('../dist/server/main.mjs');
