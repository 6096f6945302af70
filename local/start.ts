import { CommanderError } from 'commander';
import { runStartCommand } from './demo/startCommand.ts';

/** Resolves on Ctrl-C or SIGTERM. */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

runStartCommand(process.argv.slice(2), { say: (line) => console.log(line), port: process.env.PORT, untilInterrupted }).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    console.error(`snowops: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
