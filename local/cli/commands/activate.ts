import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { Activation } from '../../../functions/core/operations/Activation.ts';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { print, printJson } from '../output.ts';
import { withProgress } from '../progress.ts';
import { describeWave } from './describeWave.ts';
import { followWave } from './followWave.ts';
import { collect, parseZoneLevels } from './parseZoneLevels.ts';

/** `snowops activate <level> --reason …`: opens an activation, then follows its first wave until it is booked and sent. */
export function register(program: Command): void {
  withApiOptions(program.command('activate')
    .description('activate the plan at a level (duty officers): books teams and sends the tasking SMS, showing the progress')
    .argument('<level>', 'IV, III, II or I')
    .requiredOption('--reason <text>', 'why, for the response log')
    .option('--zone <zone=level>', 'a zone\'s own level (repeatable); other zones are then at none', collect)
    .option('--no-wait', 'answer once the activation is open, without following its planning')
    .option('--idempotency-key <key>', 'reuse to make a retry safe (a fresh one is made otherwise)'))
    .action(async (level: string, opts: ApiOptions & { reason: string; zone?: string[]; wait: boolean; idempotencyKey?: string }) => {
      const body = { level, reason: opts.reason, ...(opts.zone ? { zoneLevels: parseZoneLevels(opts.zone) } : {}) };
      const client = clientFrom(opts);
      const { body: accepted } = await withProgress(`activating at level ${level}`, client.request<{ activation: Activation }>('POST', '/activations', { body, idempotencyKey: opts.idempotencyKey ?? randomUUID() }));
      if (!opts.wait) return opts.json ? printJson(accepted.activation) : print(`Opened ${accepted.activation.id} at level ${level}; its first wave is being planned (\`snowops activations\` shows the progress).`);
      // With --json only the final activation is printed: the phases would not be JSON.
      const activation = await followWave(client, accepted.activation, opts.json ? () => {} : print);
      if (opts.json) return printJson(activation);
      print(`Activated ${activation.id} at level ${activation.level}: ${describeWave(activation).join('\n')}`);
    });
}
