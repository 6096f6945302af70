import type { Command } from 'commander';
import { formatPreviewTable } from '../../../functions/core/activation/formatPreviewTable.ts';
import type { PreviewRow } from '../../../functions/core/activation/preview.ts';
import type { ResponseLevel } from '../../../functions/core/levels/ResponseLevel.ts';
import type { Shortfall } from '../../../functions/core/planner/PlanTypes.ts';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { print, printJson } from '../output.ts';
import { withProgress } from '../progress.ts';
import { collect, parseZoneLevels } from './parseZoneLevels.ts';

interface PreviewTeam {
  crewId: string;
  team: string;
  vehicleId: string;
  vehicle: string;
  tasks: Omit<PreviewRow, 'crewId' | 'team' | 'vehicleId' | 'vehicle'>[];
}

export interface PreviewAnswer {
  level: string;
  zoneLevels: Record<string, ResponseLevel>;
  timeZone: string;
  teams: PreviewTeam[];
  shortfalls: Shortfall[];
  summary: { tasks: number; teams: number; laneKmByTier: Record<'1' | '2' | '3', number>; shortfalls: number; late: number; openActivationId: string | null };
}

/** The API's teams back as table rows: by tier, then when the road is passable. */
function rowsOf(answer: PreviewAnswer): PreviewRow[] {
  return answer.teams
    .flatMap((team) => team.tasks.map((t) => ({ ...t, crewId: team.crewId, team: team.team, vehicleId: team.vehicleId, vehicle: team.vehicle })))
    .sort((a, b) => a.tier - b.tier || a.passableAt.localeCompare(b.passableAt) || a.roadId.localeCompare(b.roadId));
}

/** `snowops preview <level>`: what an activation would book now (road, tier, team, vehicle, start by, passable), writing nothing. */
export function register(program: Command): void {
  withApiOptions(program.command('preview')
    .description('dry run (duty officers, managers): the teams and times an activation at this level would book now; writes nothing')
    .argument('<level>', 'IV, III, II or I')
    .option('--zone <zone=level>', 'a zone\'s own level (repeatable); other zones are then at none', collect))
    .action(async (level: string, opts: ApiOptions & { zone?: string[] }) => {
      const body = { level, ...(opts.zone ? { zoneLevels: parseZoneLevels(opts.zone) } : {}) };
      const { body: r } = await withProgress(`planning level ${level}`, clientFrom(opts).request<PreviewAnswer>('POST', '/activations/preview', { body }));
      if (opts.json) return printJson(r);
      const s = r.summary;
      const km = Object.entries(s.laneKmByTier).filter(([, v]) => v > 0).map(([tier, v]) => `tier ${tier} ${v} lane-km`).join(', ');
      print(`Preview at level ${r.level}: ${s.tasks} road passes for ${s.teams} teams (${km || 'nothing to book'}); ${s.shortfalls} short, ${s.late} late against the targets. Times in ${r.timeZone}.`);
      if (s.openActivationId) print(`Activation ${s.openActivationId} is open: its bookings are left as they are.`);
      print(formatPreviewTable({ zoneLevels: r.zoneLevels, activationId: s.openActivationId, rows: rowsOf(r), shortfalls: r.shortfalls }, r.timeZone));
    });
}
