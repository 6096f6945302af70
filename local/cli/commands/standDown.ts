import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { Activation } from '../../../functions/core/operations/Activation.ts';
import type { DispatchReceipt } from '../../../functions/core/ports/DispatchRequests.ts';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { print, printJson } from '../output.ts';
import { withProgress } from '../progress.ts';
import { codes } from './codes.ts';
import { notices } from './notices.ts';

/** `snowops stand-down [activation] --reason …`: closes the activation; its open tasks are cancelled (deployed, by the dispatcher). */
export function register(program: Command): void {
  withApiOptions(program.command('stand-down')
    .description('stand down an activation (duty officers): cancels its open tasks, frees crews and vehicles')
    .argument('[activation]', 'activation id', 'current')
    .requiredOption('--reason <text>', 'why, for the response log')
    .option('--idempotency-key <key>', 'reuse to make a retry safe'))
    .action(async (activation: string, opts: ApiOptions & { reason: string; idempotencyKey?: string }) => {
      const { body: r } = await withProgress('standing down', clientFrom(opts).request<{ activation: Activation; cancelledTasks?: string[]; dispatch?: DispatchReceipt }>('POST', `/activations/${encodeURIComponent(activation)}/stand-down`, { body: { reason: opts.reason }, idempotencyKey: opts.idempotencyKey ?? randomUUID() }));
      if (opts.json) return printJson(r);
      // Deployed (202) the dispatcher cancels the open tasks after the answer; `snowops log` shows its tasks.cancelled entry.
      if (!r.cancelledTasks) return print(`Stood down ${r.activation.id}; the dispatcher is cancelling its open tasks and telling the crews already sent out (snowops log shows it).`);
      print(`Stood down ${r.activation.id}; ${r.cancelledTasks.length} open tasks cancelled${codes(r.cancelledTasks)}.${notices(r.dispatch)}`);
    });
}
