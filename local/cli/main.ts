import { CommanderError } from 'commander';
import { CliError } from './CliError.ts';
import * as activate from './commands/activate.ts';
import * as activations from './commands/activations.ts';
import * as downgrade from './commands/downgrade.ts';
import * as forecast from './commands/forecast.ts';
import * as log from './commands/log.ts';
import * as preview from './commands/preview.ts';
import * as reassign from './commands/reassign.ts';
import * as sms from './commands/sms.ts';
import * as report from './commands/report.ts';
import * as standDown from './commands/standDown.ts';
import * as status from './commands/status.ts';
import * as tasks from './commands/tasks.ts';
import * as upgrade from './commands/upgrade.ts';
import * as importCommand from './commands/import.ts';
import * as warnings from './commands/warnings.ts';
import * as replay from './commands/replay.ts';
import { createProgram } from './program.ts';

// One line per command; each module exports `register(program)`.
const commands: { register(program: ReturnType<typeof createProgram>): void }[] = [
  status, forecast, activations, preview, activate, upgrade, downgrade, standDown, reassign, tasks, log, report, importCommand, warnings, replay, sms,
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
