import { forecastRules } from '../registry/CityPlan.ts';
import { maskPhones } from '../log/maskPhones.ts';
import { maxLevel, type ResponseLevel } from '../levels/ResponseLevel.ts';
import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { Board } from './Board.ts';
import { boardKpis } from './boardKpis.ts';
import { latestEntries } from './latestEntries.ts';
import { moreUrgent, roadStateOfTask, type RoadState } from './roadState.ts';

const TICKER = 12;

/** The status board: zones and their evidence, every road's state, the headline figures and the latest log lines. */
export async function readBoard(deps: CoreDeps): Promise<Board> {
  const [plan, zones, states, open] = await Promise.all([deps.registry.getPlan(), deps.registry.listZones(), deps.zoneStates.getZoneStates(), deps.activations.getOpenActivation()]);
  // After a stand-down the board keeps showing the last activation, with its after-action figures.
  const activation = open ?? (await deps.activations.listActivations(1))[0];
  const now = deps.clock.now();
  const [tasks, cases, short, ticker] = activation
    ? await Promise.all([deps.tasks.listTasks(activation.id), deps.taskingCases.listTaskingCases(activation.id), deps.shortfalls.listReportedShortfalls(activation.id), latestEntries(deps.log, activation.id, now, TICKER)])
    : [[], [], new Set<string>(), await latestEntries(deps.log, 'system', now, TICKER)];
  const roads: Record<string, RoadState> = {};
  for (const key of short) {
    const roadId = key.slice(0, key.lastIndexOf('#'));
    roads[roadId] = 'short';
  }
  for (const t of tasks) {
    const state = roadStateOfTask(t.state);
    if (state) roads[t.roadId] = moreUrgent(roads[t.roadId], state);
  }
  const byZone = new Map(states.map((s) => [s.zoneId, s]));
  const { staleAfterMinutes } = forecastRules(plan);
  const staleMs = staleAfterMinutes * 60_000;
  return {
    city: plan.city,
    timeZone: plan.timeZone,
    staleAfterMinutes,
    forecastLevel: zones.reduce<ResponseLevel>((acc, z) => maxLevel(acc, byZone.get(z.id)?.level ?? 'none'), 'none'),
    zones: zones.map((z) => {
      const s = byZone.get(z.id);
      return {
        zoneId: z.id, name: z.name, forecastLevel: s?.level ?? 'none', activationLevel: open ? open.zoneLevels[z.id] ?? 'none' : null,
        evidence: s?.evidence ?? [], provider: s?.provider ?? null, lastSuccessAt: s?.lastSuccessAt ?? null, lastError: s?.lastError ?? null,
        watch: s?.watch ?? false,
        stale: s !== undefined && (s.lastSuccessAt === null || now.getTime() - Date.parse(s.lastSuccessAt) > staleMs),
      };
    }),
    activation: activation
      ? { id: activation.id, level: activation.level, status: activation.status, openedAt: activation.openedAt, openedBy: activation.openedBy, reason: activation.reason, wave: activation.wave, closedAt: activation.closedAt ?? null }
      : null,
    roads,
    kpis: activation ? boardKpis(activation, tasks, cases, short.size, plan.timeTargetsHours, now) : null,
    ticker: maskPhones(ticker),
  };
}
