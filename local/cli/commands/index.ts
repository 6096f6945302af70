import type { Command } from 'commander';
import * as activate from './activate.ts';
import * as activations from './activations.ts';
import * as downgrade from './downgrade.ts';
import * as forecast from './forecast.ts';
import * as log from './log.ts';
import * as preview from './preview.ts';
import * as pretreat from './pretreat.ts';
import * as reassign from './reassign.ts';
import * as sms from './sms.ts';
import * as report from './report.ts';
import * as standDown from './standDown.ts';
import * as status from './status.ts';
import * as tasks from './tasks.ts';
import * as upgrade from './upgrade.ts';
import * as importCommand from './import.ts';
import * as warnings from './warnings.ts';
import * as replay from './replay.ts';

// One line per command; each module exports `register(program)`.
const commands: { register(program: Command): void }[] = [
  status, forecast, activations, preview, pretreat, activate, upgrade, downgrade, standDown, reassign, tasks, log, report, importCommand, warnings, replay, sms,
];

/** Adds every subcommand to the root command (the CLI's entry, and the README's check of its commands). */
export function registerCommands(program: Command): Command {
  for (const command of commands) command.register(program);
  return program;
}
