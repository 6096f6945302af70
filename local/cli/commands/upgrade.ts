import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { print, printJson, table } from '../output.ts';
import { withProgress } from '../progress.ts';
import type { ActivateResult } from './activate.ts';
import { collect, parseZoneLevels } from './parseZoneLevels.ts';

/** `snowops upgrade <level> --reason …`: raises the open activation, books and dispatches the new wave. */
export function register(program: Command): void {
  withApiOptions(program.command('upgrade')
    .description('raise the level of an activation (duty officers): books the roads now in scope and sends their tasking SMS')
    .argument('<level>', 'the new, higher level: III, II or I')
    .option('--activation <id>', 'activation id', 'current')
    .requiredOption('--reason <text>', 'why, for the response log')
    .option('--zone <zone=level>', 'a zone\'s own level (repeatable); zones never go down', collect)
    .option('--idempotency-key <key>', 'reuse to make a retry safe (a fresh one is made otherwise)'))
    .action(async (level: string, opts: ApiOptions & { activation: string; reason: string; zone?: string[]; idempotencyKey?: string }) => {
      const body = { level, reason: opts.reason, ...(opts.zone ? { zoneLevels: parseZoneLevels(opts.zone) } : {}) };
      const { body: r } = await withProgress(`raising to ${level}`, clientFrom(opts).request<ActivateResult>('POST', `/activations/${encodeURIComponent(opts.activation)}/upgrade`, { body, idempotencyKey: opts.idempotencyKey ?? randomUUID() }));
      if (opts.json) return printJson(r);
      const km = Object.entries(r.booked.laneKmByTier).filter(([, v]) => v > 0).map(([tier, v]) => `tier ${tier} ${v} lane-km`).join(', ');
      print(`${r.activation.id} is now at level ${r.activation.level} (wave ${r.activation.wave}): ${r.booked.tasks} new tasks for ${r.booked.crews} crews (${km || 'nothing new booked'}).`);
      print(r.dispatch.mode === 'sent'
        ? `SMS: ${r.dispatch.sent} sent, ${r.dispatch.failed} failed, ${r.dispatch.skipped} already sent.`
        : 'SMS: the new wave is queued for the dispatcher; `snowops tasks` shows the tasks move to dispatched.');
      if (r.shortfalls.length > 0) {
        print(`${r.shortfalls.length} road passes have no team:`);
        print(table(['road', 'tier', 'pass', 'lane-km', 'why'], r.shortfalls.map((s) => [s.roadName, s.tier, s.pass, s.laneKm, s.reason])));
      }
    });
}
