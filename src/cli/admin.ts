import type { Command } from 'commander';
import { bootstrap, wipeAll } from '../server/bootstrap.js';
import { loadConfig } from '../server/config.js';
import { DEMO_PASSWORD } from '../server/demo/index.js';
import { findUserByEmail } from '../server/domains/users/repo.js';
import { createUser, resetPassword } from '../server/domains/users/service.js';
import { systemActor } from '../server/lib/actor.js';
import { randomToken } from '../server/lib/crypto.js';
import { AppError } from '../server/lib/errors.js';
import { ROLES, type Role } from '../shared/permissions.js';
import { withDatabase } from './db.js';

const cli = systemActor('cli');

/** Administrator commands: users, migrations, the demo company. */
export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply database migrations')
    .action(() => withDatabase(async () => console.log('database is up to date')));

  const user = program.command('user').description('manage users');
  user
    .command('create')
    .description('create a user')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--password <password>', 'initial password (generated and printed when omitted)')
    .action((o: { email: string; name: string; role: string; password?: string }) =>
      withDatabase(async ({ db }) => {
        if (!ROLES.includes(o.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
        const password = o.password ?? randomToken(12);
        const u = await createUser(db, cli, {
          email: o.email.toLowerCase(),
          name: o.name,
          role: o.role as Role,
          password,
        });
        console.log(`created ${u.role} ${u.email} (${u.id})`);
        if (!o.password) console.log(`password: ${password}`);
      }),
    );
  user
    .command('reset-password')
    .description("set a user's password and unlock the account")
    .requiredOption('--email <email>')
    .option('--password <password>', 'new password (generated and printed when omitted)')
    .action((o: { email: string; password?: string }) =>
      withDatabase(async ({ db }) => {
        const u = await findUserByEmail(db, o.email);
        if (!u) throw new Error(`no user with email ${o.email}`);
        const password = o.password ?? randomToken(12);
        await resetPassword(db, cli, u.id, password);
        console.log(`password of ${u.email} reset and account unlocked; it must be changed at next sign-in`);
        if (!o.password) console.log(`password: ${password}`);
      }),
    );

  program
    .command('demo')
    .description(
      'rebuild the demo company: empties the database, then loads the demo and a new administrator',
    )
    .argument('<action>', 'reset')
    .option('--yes', 'confirm that every record will be deleted')
    .action((action: string, o: { yes?: boolean }) =>
      withDatabase(async ({ db }) => {
        if (action !== 'reset') throw new Error('the only demo action is "reset"');
        if (!o.yes) throw new Error('this deletes every record; run again with --yes');
        await wipeAll(db);
        const r = await bootstrap(db, loadConfig(), false, (m) => console.log(m));
        console.log(`demo rebuilt; administrator ${r.admin?.email} password ${r.admin?.password}`);
        console.log(`demo users sign in with password ${DEMO_PASSWORD}`);
      }),
    );
}

export function describeError(err: unknown): string {
  if (err instanceof AppError) {
    const fields = err.details.fields ? ` ${JSON.stringify(err.details.fields)}` : '';
    return `${err.code}${fields}`;
  }
  return err instanceof Error ? err.message : String(err);
}
