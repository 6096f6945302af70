import { CommanderError } from 'commander';
import { CliError } from './CliError.ts';
import { registerCommands } from './commands/index.ts';
import { createProgram } from './program.ts';

const program = registerCommands(createProgram());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`snowops: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}
