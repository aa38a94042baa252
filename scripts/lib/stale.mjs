// Shared by the build scripts: is an output older than any of its inputs?
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when `stamp` is missing or older than any file under `inputs` (paths relative to the root). */
export function isStale(stamp, inputs) {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  return built < Math.max(...inputs.map((p) => newestMtime(join(root, p))));
}

/** Written after a successful build only, so an interrupted build is never taken as up to date. */
export function writeStamp(stamp) {
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

/** What each build produces and reads; npm start rebuilds a target only when it is stale. */
export const TARGETS = {
  web: {
    script: 'build-web.mjs',
    stamp: 'dist/web/.build-stamp',
    inputs: ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'],
  },
  server: {
    script: 'build-server.mjs',
    stamp: 'dist/server/.build-stamp',
    inputs: ['src/server', 'src/shared', 'src/analytics', 'package-lock.json'],
  },
};
