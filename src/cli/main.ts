import { Command } from 'commander';
import { describeError, registerAdminCommands } from './admin.js';
import { registerClvCommand } from './clv.js';
import { registerImportCommand } from './import.js';

const program = new Command('logicrm').description('LogiCRM command line').showHelpAfterError();
registerAdminCommands(program);
registerClvCommand(program);
registerImportCommand(program);

// Exit explicitly: an embedded database's idle connections must not keep the process alive.
try {
  await program.parseAsync(process.argv);
  process.exit(0);
} catch (err) {
  console.error(`error: ${describeError(err)}`);
  process.exit(1);
}
