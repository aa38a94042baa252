// Builds the web app into dist/web when it is missing or older than its sources; otherwise does nothing.
// Run by `npm install` (prepare) and `npm start`. Prints one line; exits non-zero if the build fails.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isStale, root, TARGETS, writeStamp } from './lib/stale.mjs';

const stamp = join(root, TARGETS.web.stamp);
const { inputs } = TARGETS.web;

if (process.env.LOGICRM_SKIP_WEB_BUILD === '1') {
  console.log('web: build skipped (LOGICRM_SKIP_WEB_BUILD=1)');
  process.exit(0);
}
if (!existsSync(join(root, 'src/web/index.html'))) {
  console.log('web: no sources in src/web, nothing to build');
  process.exit(0);
}

if (!isStale(stamp, inputs)) {
  console.log('web: dist/web is up to date');
  process.exit(0);
}

const started = Date.now();
try {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'error' });
  writeStamp(stamp);
  console.log(`web: built dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  console.error('web: BUILD FAILED — the web app in dist/web is missing or stale');
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
}
