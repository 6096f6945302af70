import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { Activation } from '../../../functions/core/operations/Activation.ts';
import type { DispatchReceipt } from '../../../functions/core/ports/DispatchRequests.ts';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { print, printJson } from '../output.ts';
import { withProgress } from '../progress.ts';
import { codes } from './codes.ts';
import { notices } from './notices.ts';
import { collect, parseZoneLevels } from './parseZoneLevels.ts';

/** `snowops downgrade <level> --reason …`: lowers the level, cancelling tasks on roads out of scope. */
export function register(program: Command): void {
  withApiOptions(program.command('downgrade')
    .description('lower the level of an activation (duty officers): cancels tasks on roads no longer in scope')
    .argument('<level>', 'the new, lower level: IV, III or II')
    .option('--activation <id>', 'activation id', 'current')
    .requiredOption('--reason <text>', 'why, for the response log')
    .option('--zone <zone=level>', 'a zone\'s own level (repeatable)', collect)
    .option('--idempotency-key <key>', 'reuse to make a retry safe'))
    .action(async (level: string, opts: ApiOptions & { activation: string; reason: string; zone?: string[]; idempotencyKey?: string }) => {
      const body = { level, reason: opts.reason, ...(opts.zone ? { zoneLevels: parseZoneLevels(opts.zone) } : {}) };
      const { body: r } = await withProgress(`lowering to ${level}`, clientFrom(opts).request<{ activation: Activation; cancelledTasks: string[]; dispatch?: DispatchReceipt }>('POST', `/activations/${encodeURIComponent(opts.activation)}/downgrade`, { body, idempotencyKey: opts.idempotencyKey ?? randomUUID() }));
      if (opts.json) return printJson(r);
      print(`${r.activation.id} is now at level ${r.activation.level}; ${r.cancelledTasks.length} tasks cancelled${codes(r.cancelledTasks)}.${notices(r.dispatch)}`);
    });
}
