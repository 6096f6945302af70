import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { Activation } from '../../../functions/core/operations/Activation.ts';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { print, printJson } from '../output.ts';
import { withProgress } from '../progress.ts';
import { describeWave } from './describeWave.ts';
import { followWave } from './followWave.ts';

/** `snowops pretreat --reason …`: starts the pre-treatment wave while zones are on watch, then follows it until it is booked and sent. */
export function register(program: Command): void {
  withApiOptions(program.command('pretreat')
    .description('start the pre-treatment wave while zones are on watch (duty officers): spreaders on the tier-1 roads where agent is allowed, at staging an hour before the snow')
    .requiredOption('--reason <text>', 'why, for the response log')
    .option('--no-wait', 'answer once the activation is open, without following its planning')
    .option('--idempotency-key <key>', 'reuse to make a retry safe (a fresh one is made otherwise)'))
    .action(async (opts: ApiOptions & { reason: string; wait: boolean; idempotencyKey?: string }) => {
      const client = clientFrom(opts);
      const { body: accepted } = await withProgress('starting the pre-treatment wave', client.request<{ activation: Activation }>('POST', '/pretreatment', { body: { reason: opts.reason }, idempotencyKey: opts.idempotencyKey ?? randomUUID() }));
      const staging = (a: Activation) => (a.preTreatment ? ` at staging by ${a.preTreatment.stagingAt}, an hour before the snow (${a.preTreatment.snowAt})` : '');
      if (!opts.wait) return opts.json ? printJson(accepted.activation) : print(`Opened ${accepted.activation.id} for pre-treatment${staging(accepted.activation)}; its wave is being planned (\`snowops activations\` shows the progress).`);
      // With --json only the final activation is printed: the phases would not be JSON.
      const activation = await followWave(client, accepted.activation, opts.json ? () => {} : print);
      if (opts.json) return printJson(activation);
      print(`Pre-treatment ${activation.id}${staging(activation)}: ${describeWave(activation).join('\n')}`);
    });
}
