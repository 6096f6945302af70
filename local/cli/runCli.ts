import { CommanderError } from 'commander';
import { CliError } from './CliError.ts';
import { registerCommands } from './commands/index.ts';
import { createProgram } from './program.ts';

/**
 * Runs one `snowops …` command line (the arguments after the program's name) and returns its exit code: 0, 2 for a
 * usage error, a CliError's own code, 1 for anything else, said on stderr in one line without a stack trace.
 */
export async function runCli(args: readonly string[]): Promise<number> {
  const program = registerCommands(createProgram());
  try {
    await program.parseAsync(['node', 'snowops', ...args]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`snowops: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}
