import { loadConfig } from './config.js';
import { DEMO_PASSWORD } from './demo/index.js';
import { startServer } from './server.js';

const config = loadConfig();
// `--empty` on the command line; otherwise LOGICRM_EMPTY decides
const empty = process.argv.includes('--empty') || undefined;
const started = Date.now();
const server = await startServer(config, { empty });

const { admin, demoLoaded } = server.bootstrap;
const local = `http://localhost:${(server.app.server.address() as { port: number }).port}`;
console.log(
  `\nLogiCRM is running at ${local}  (database: ${server.target.kind}, ready in ${Date.now() - started} ms)`,
);
if (admin) {
  console.log(`Administrator: ${admin.email}  password: ${admin.password}`);
  if (admin.generated)
    console.log('  (generated now and shown only this once — note it, or set ADMIN_PASSWORD)');
}
if (demoLoaded)
  console.log(`Demo company loaded; demo users (see README) sign in with password ${DEMO_PASSWORD}`);
console.log(`API docs: ${local}/api/docs\n`);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, async () => {
    console.log(`\n${signal}: stopping LogiCRM…`);
    await server.stop();
    process.exit(0);
  });
}
