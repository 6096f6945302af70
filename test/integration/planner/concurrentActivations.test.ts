import { beforeAll, describe, expect, it } from 'vitest';
import { activate } from '../../../functions/core/activation/activate.ts';
import { planAndBook } from '../../../functions/core/activation/planAndBook.ts';
import type { ActiveLevel } from '../../../functions/core/levels/ResponseLevel.ts';
import type { Shortfall } from '../../../functions/core/planner/PlanTypes.ts';
import { passesAt } from '../../../functions/core/planner/roadGeometry.ts';
import { roadsInScope } from '../../../functions/core/planner/roadsInScope.ts';
import { INVARIANT_PLANNER_BUDGET } from '../../support/plannerBudget.ts';
import { bookingProblems, plannerWorld, type PlannerWorld } from '../../support/plannerWorld.ts';

describe('20 activations fired at once on DynamoDB Local (two duty officers and the poller)', () => {
  let world: PlannerWorld;
  let outcomes: { activated: number; shortfalls: Shortfall[]; activationId: string }[];

  beforeAll(async () => {
    // The races are the point, not the plans: each of the 20 plans at the invariant budget (plannerBudget.ts).
    world = await plannerWorld();
    world.deps.plannerBudget = INVARIANT_PLANNER_BUDGET;
    const actors = ['officer-wang', 'officer-li', 'poller'];
    const levels: ActiveLevel[] = ['III', 'II', 'I'];
    const fire = async (n: number) => {
      const level = levels[n % levels.length]!;
      const zoneLevels = Object.fromEntries(world.city.zones.map((z) => [z.id, level]));
      const request = { level, zoneLevels, actor: actors[n % actors.length]!, reason: `storm, call ${n}`, evidence: [] };
      const result = await activate(world.deps, request);
      if (result.outcome === 'activated') return { activated: 1, shortfalls: result.shortfalls, activationId: result.activation.id };
      // Whoever finds an activation open plans it at their level, as an upgrade would.
      const planned = await planAndBook(world.deps, result.activation, zoneLevels);
      return { activated: 0, shortfalls: planned.shortfalls, activationId: result.activation.id };
    };
    outcomes = await Promise.all(Array.from({ length: 20 }, (_, n) => fire(n)));
  }, 240_000);

  it('opens exactly one activation', () => {
    expect(outcomes.reduce((s, o) => s + o.activated, 0)).toBe(1);
    expect(new Set(outcomes.map((o) => o.activationId)).size).toBe(1);
  });

  it('leaves no crew or vehicle on two teams, no road pass tasked twice, and locks that count exactly the open tasks', async () => {
    const tasks = await world.deps.tasks.listTasks(outcomes[0]!.activationId);
    expect(tasks.length).toBeGreaterThan(0);
    expect(await bookingProblems(world, tasks)).toEqual([]);
  });

  it('tasks or reports short every road pass in scope at the highest level called', async () => {
    const tasks = await world.deps.tasks.listTasks(outcomes[0]!.activationId);
    const zoneLevels = Object.fromEntries(world.city.zones.map((z) => [z.id, 'I' as const]));
    const scope = roadsInScope(world.city.plan, world.city.roads, zoneLevels).flatMap((r) => passesAt(r, 'I').map((p) => `${r.id}#${p}`));
    const tasked = new Set(tasks.map((t) => `${t.roadId}#${t.pass}`));
    const short = new Set(outcomes.flatMap((o) => o.shortfalls.map((s) => `${s.roadId}#${s.pass}`)));
    expect(scope.filter((p) => !tasked.has(p) && !short.has(p))).toEqual([]);
  });
});
