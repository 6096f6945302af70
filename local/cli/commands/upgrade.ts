import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { Activation } from '../../../functions/core/operations/Activation.ts';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { print, printJson } from '../output.ts';
import { withProgress } from '../progress.ts';
import { describeWave } from './describeWave.ts';
import { followWave } from './followWave.ts';
import { collect, parseZoneLevels } from './parseZoneLevels.ts';

/** `snowops upgrade <level> --reason …`: upgrades the open activation, then follows the new wave until it is booked and sent. */
export function register(program: Command): void {
  withApiOptions(program.command('upgrade')
    .description('upgrade an activation to a higher level (duty officers): books the roads now in scope and sends their tasking SMS, showing the progress')
    .argument('<level>', 'the new, higher level: III, II or I')
    .option('--activation <id>', 'activation id', 'current')
    .requiredOption('--reason <text>', 'why, for the response log')
    .option('--zone <zone=level>', 'a zone\'s own level (repeatable); zones never go down', collect)
    .option('--no-wait', 'answer once the upgrade is recorded, without following the new wave\'s planning')
    .option('--idempotency-key <key>', 'reuse to make a retry safe (a fresh one is made otherwise)'))
    .action(async (level: string, opts: ApiOptions & { activation: string; reason: string; zone?: string[]; wait: boolean; idempotencyKey?: string }) => {
      const body = { level, reason: opts.reason, ...(opts.zone ? { zoneLevels: parseZoneLevels(opts.zone) } : {}) };
      const client = clientFrom(opts);
      const { body: accepted } = await withProgress(`upgrading to ${level}`, client.request<{ activation: Activation }>('POST', `/activations/${encodeURIComponent(opts.activation)}/upgrade`, { body, idempotencyKey: opts.idempotencyKey ?? randomUUID() }));
      if (!opts.wait) return opts.json ? printJson(accepted.activation) : print(`${accepted.activation.id} is upgraded to level ${level} (wave ${accepted.activation.wave}); the wave is being planned.`);
      const activation = await followWave(client, accepted.activation, opts.json ? () => {} : print);
      if (opts.json) return printJson(activation);
      print(`${activation.id} is now at level ${activation.level} (wave ${activation.wave}): ${describeWave(activation).join('\n').replace(/^(\d+) tasks/, '$1 new tasks')}`);
    });
}
