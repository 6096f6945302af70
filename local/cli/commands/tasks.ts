import type { Command } from 'commander';
import type { Task } from '../../../functions/core/operations/Task.ts';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { print, printJson, table } from '../output.ts';
import { withProgress } from '../progress.ts';

/** `snowops tasks [activation]`: the tasks, filtered by state, zone, crew and tier. */
export function register(program: Command): void {
  withApiOptions(program.command('tasks')
    .description('list the tasks of an activation')
    .argument('[activation]', 'activation id', 'current')
    .option('--state <states>', 'comma-separated, e.g. dispatched,acknowledged')
    .option('--zone <zone>', 'zone id')
    .option('--crew <crew>', 'crew id')
    .option('--tier <tier>', '1, 2 or 3'))
    .action(async (activation: string, opts: ApiOptions & { state?: string; zone?: string; crew?: string; tier?: string }) => {
      const { body: r } = await withProgress('reading tasks', clientFrom(opts).request<{ activationId: string; tasks: Task[] }>('GET', `/activations/${encodeURIComponent(activation)}/tasks`, { query: { state: opts.state, zone: opts.zone, crew: opts.crew, tier: opts.tier } }));
      if (opts.json) return printJson(r);
      print(`${r.tasks.length} tasks in ${r.activationId}`);
      print(table(['code', 'road', 'tier', 'pass', 'lane-km', 'crew', 'vehicle', 'start by', 'state'], r.tasks.map((t) => [t.code, t.roadName, t.tier, t.pass, t.laneKm, t.crewId, t.vehicleLabel, t.startBy.slice(11, 16) + 'Z', t.state])));
    });
}
