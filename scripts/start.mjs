// `npm start`: build the web app if its sources changed, then start the server (args pass through,
// e.g. `npm start -- --empty`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

const build = new URL('./build-web.mjs', import.meta.url);
if (existsSync(build)) {
  const r = spawnSync(process.execPath, [build.pathname], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
register();
await import('../src/server/main.ts');
