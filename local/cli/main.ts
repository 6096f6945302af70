import { CommanderError } from 'commander';
import { CliError } from './CliError.ts';
import * as importCommand from './commands/import.ts';
import { createProgram } from './program.ts';

// One line per command; each module exports `register(program)`.
const commands: { register(program: ReturnType<typeof createProgram>): void }[] = [
  importCommand,
];

const program = createProgram();
for (const command of commands) command.register(program);

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
