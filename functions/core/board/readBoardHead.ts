import type { Activation } from '../operations/Activation.ts';
import { forecastRules, type CityPlan } from '../registry/CityPlan.ts';
import { maskPhones } from '../log/maskPhones.ts';
import { maxLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { BoardMark } from '../ports/BoardVersion.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { Board } from './Board.ts';

const TICKER = 12;

/**
 * The board without its roads and figures, read in a few small reads (the plan, the zones and their states,
 * the open or last activation, the newest log lines), with the board version read before anything of the
 * tasks is: while the version and this head are unchanged, so are the roads and figures, and a poll can be
 * answered without reading the activation's thousands of tasks.
 */
export interface BoardHead {
  board: Omit<Board, 'roads' | 'kpis'>;
  version: number;
  /** The board version as read, before anything of the tasks: what their sources are read at. */
  mark: BoardMark;
  activation: Activation | undefined;
  plan: CityPlan;
}

export type BoardDeps = Pick<CoreDeps, 'registry' | 'zoneStates' | 'activations' | 'tasks' | 'taskingCases' | 'shortfalls' | 'log' | 'clock' | 'boardVersion' | 'views'>;

export async function readBoardHead(deps: BoardDeps): Promise<BoardHead> {
  const [mark, plan, zones, states, open] = await Promise.all([deps.boardVersion.read(), deps.registry.getPlan(), deps.registry.listZones(), deps.zoneStates.getZoneStates(), deps.activations.getOpenActivation()]);
  // After a stand-down the board keeps showing the last activation, with its after-action figures.
  const activation = open ?? (await deps.activations.listActivations(1))[0];
  const ticker = await deps.log.latest(activation?.id ?? 'system', TICKER);
  const now = deps.clock.now();
  const byZone = new Map(states.map((s) => [s.zoneId, s]));
  const { staleAfterMinutes } = forecastRules(plan);
  const staleMs = staleAfterMinutes * 60_000;
  return {
    version: mark.version, mark, activation, plan,
    board: {
      city: plan.city,
      timeZone: plan.timeZone,
      staleAfterMinutes,
      thresholds: plan.blizzardThresholds,
      forecastLevel: zones.reduce<ResponseLevel>((acc, z) => maxLevel(acc, byZone.get(z.id)?.level ?? 'none'), 'none'),
      zones: zones.map((z) => {
        const s = byZone.get(z.id);
        return {
          zoneId: z.id, name: z.name, forecastLevel: s?.level ?? 'none', activationLevel: open ? open.zoneLevels[z.id] ?? 'none' : null,
          evidence: s?.evidence ?? [], provider: s?.provider ?? null, lastSuccessAt: s?.lastSuccessAt ?? null, lastError: s?.lastError ?? null,
          watch: s?.watch ?? false, hourly: s?.hourly ?? null,
          stale: s !== undefined && (s.lastSuccessAt === null || now.getTime() - Date.parse(s.lastSuccessAt) > staleMs),
        };
      }),
      activation: activation
        ? { id: activation.id, level: activation.level, status: activation.status, openedAt: activation.openedAt, openedBy: activation.openedBy, reason: activation.reason, reasonCode: activation.reasonCode ?? null, wave: activation.wave, closedAt: activation.closedAt ?? null, waveSms: activation.progress?.waveSms ?? null }
        : null,
      ticker: maskPhones(ticker),
    },
  };
}
