import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { Activation } from '../../../functions/core/operations/Activation.ts';
import type { Shortfall } from '../../../functions/core/planner/PlanTypes.ts';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { print, printJson, table } from '../output.ts';
import { withProgress } from '../progress.ts';
import { collect, parseZoneLevels } from './parseZoneLevels.ts';

export interface ActivateResult {
  activation: Activation;
  booked: { tasks: number; crews: number; laneKmByTier: Record<'1' | '2' | '3', number> };
  shortfalls: Shortfall[];
  dispatch: { mode: 'sent'; sent: number; skipped: number; failed: number } | { mode: 'queued' };
}

/** `snowops activate <level> --reason …`: opens an activation, books teams, sends the first wave. */
export function register(program: Command): void {
  withApiOptions(program.command('activate')
    .description('activate the plan at a level (duty officers): books teams and sends the tasking SMS')
    .argument('<level>', 'IV, III, II or I')
    .requiredOption('--reason <text>', 'why, for the response log')
    .option('--zone <zone=level>', 'a zone\'s own level (repeatable); other zones are then at none', collect)
    .option('--idempotency-key <key>', 'reuse to make a retry safe (a fresh one is made otherwise)'))
    .action(async (level: string, opts: ApiOptions & { reason: string; zone?: string[]; idempotencyKey?: string }) => {
      const body = { level, reason: opts.reason, ...(opts.zone ? { zoneLevels: parseZoneLevels(opts.zone) } : {}) };
      const { body: r } = await withProgress(`activating at level ${level}`, clientFrom(opts).request<ActivateResult>('POST', '/activations', { body, idempotencyKey: opts.idempotencyKey ?? randomUUID() }));
      if (opts.json) return printJson(r);
      const km = Object.entries(r.booked.laneKmByTier).filter(([, v]) => v > 0).map(([tier, v]) => `tier ${tier} ${v} lane-km`).join(', ');
      print(`Activated ${r.activation.id} at level ${r.activation.level}: ${r.booked.tasks} tasks for ${r.booked.crews} crews (${km || 'nothing booked'}).`);
      print(r.dispatch.mode === 'sent'
        ? `SMS: ${r.dispatch.sent} sent, ${r.dispatch.failed} failed, ${r.dispatch.skipped} already sent.`
        : 'SMS: the first wave is queued for the dispatcher; `snowops tasks` shows the tasks move to dispatched.');
      if (r.shortfalls.length > 0) {
        print(`${r.shortfalls.length} road passes have no team:`);
        print(table(['road', 'tier', 'pass', 'lane-km', 'why'], r.shortfalls.map((s) => [s.roadName, s.tier, s.pass, s.laneKm, s.reason])));
      }
    });
}
