// Builds the web app into dist/web when it is missing or older than its sources; otherwise does nothing.
// Run by `npm install` (prepare) and `npm start`. Prints one line; exits non-zero if the build fails.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist/web');
// Written after a successful build only, so an interrupted build is never taken as up to date.
const stamp = join(outDir, '.build-stamp');
const inputs = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'].map((p) => join(root, p));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

if (process.env.LOGICRM_SKIP_WEB_BUILD === '1') {
  console.log('web: build skipped (LOGICRM_SKIP_WEB_BUILD=1)');
  process.exit(0);
}
if (!existsSync(join(root, 'src/web/index.html'))) {
  console.log('web: no sources in src/web, nothing to build');
  process.exit(0);
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const sources = Math.max(...inputs.map(newestMtime));
if (built >= sources) {
  console.log('web: dist/web is up to date');
  process.exit(0);
}

const started = Date.now();
try {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'error' });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  console.log(`web: built dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  console.error('web: BUILD FAILED — the web app in dist/web is missing or stale');
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
}
