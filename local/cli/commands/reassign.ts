import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { Task } from '../../../functions/core/operations/Task.ts';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { CliError } from '../CliError.ts';
import { print, printJson } from '../output.ts';
import { withProgress } from '../progress.ts';

interface ReassignAnswer {
  task: Task;
  replaced: { crewId: string; vehicleId: string; vehicleLabel: string; state: string };
  dispatch: { notified: ('new-leader' | 'old-leader')[] };
}

/** `snowops reassign <code> --crew C --vehicle V --reason …`: moves one open task to another team. */
export function register(program: Command): void {
  withApiOptions(program.command('reassign')
    .description('move an open task to another crew and/or vehicle (duty officers): both leaders are told by SMS')
    .argument('<code>', 'the task code, e.g. T07')
    .option('--activation <id>', 'activation id', 'current')
    .option('--crew <id>', 'the crew to take it (default: the task\'s own crew)')
    .option('--vehicle <id>', 'the vehicle (default: the one the crew already has in this activation)')
    .requiredOption('--reason <text>', 'why, for the response log')
    .option('--idempotency-key <key>', 'reuse to make a retry safe (a fresh one is made otherwise)'))
    .action(async (code: string, opts: ApiOptions & { activation: string; crew?: string; vehicle?: string; reason: string; idempotencyKey?: string }) => {
      if (!opts.crew && !opts.vehicle) throw new CliError('name the new crew (--crew), the new vehicle (--vehicle) or both', 2);
      const body = { ...(opts.crew ? { crewId: opts.crew } : {}), ...(opts.vehicle ? { vehicleId: opts.vehicle } : {}), reason: opts.reason };
      const path = `/activations/${encodeURIComponent(opts.activation)}/tasks/${encodeURIComponent(code)}/reassign`;
      const { body: r } = await withProgress(`reassigning ${code}`, clientFrom(opts).request<ReassignAnswer>('POST', path, { body, idempotencyKey: opts.idempotencyKey ?? randomUUID() }));
      if (opts.json) return printJson(r);
      print(`${r.task.code} (${r.task.roadName}, ${r.task.pass}) moved from crew ${r.replaced.crewId} / ${r.replaced.vehicleLabel} to crew ${r.task.crewId} / ${r.task.vehicleLabel}; now ${r.task.state}, #${r.task.sequence} on its list, start by ${r.task.startBy.slice(11, 16)}Z.`);
      const told = r.dispatch.notified.map((n) => (n === 'new-leader' ? 'the new leader' : 'the old leader'));
      print(told.length > 0 ? `SMS sent to ${told.join(' and ')}.` : 'No SMS went out: see the response log (snowops log) for why.');
    });
}
