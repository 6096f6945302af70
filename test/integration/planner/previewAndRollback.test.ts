import { describe, expect, it, vi } from 'vitest';
import { activate } from '../../../functions/core/activation/activate.ts';
import { formatPreviewTable } from '../../../functions/core/activation/formatPreviewTable.ts';
import { previewPlan } from '../../../functions/core/activation/preview.ts';
import { cancelOpenTasks } from '../../../functions/core/activation/cancelOpenTasks.ts';
import type { TeamBookings } from '../../../functions/core/ports/TeamBookings.ts';
import { lockItems, plannerWorldInMemory, type PlannerMemoryWorld } from '../../support/plannerWorld.ts';
import { reasonCode } from '../../../functions/core/text/ReasonCode.ts';

const allAt = (world: PlannerMemoryWorld, level: 'II') => Object.fromEntries(world.city.zones.map((z) => [z.id, level]));

describe('preview (dry run), on the in-memory twins', () => {
  it('writes nothing, to the store or the log', async () => {
    const world = await plannerWorldInMemory();
    const before = structuredClone(world.memory);
    const appended = vi.spyOn(world.deps.log, 'append');
    const preview = await previewPlan(world.deps, { level: 'II' });
    expect(preview.rows.length).toBeGreaterThan(0);
    expect(world.memory).toEqual(before);
    expect(appended).not.toHaveBeenCalled();
  });

  it('shows the road passes that activation then tasks, and the same shortfalls', async () => {
    const world = await plannerWorldInMemory();
    const preview = await previewPlan(world.deps, { level: 'II' });
    const result = await activate(world.deps, { level: 'II', zoneLevels: allAt(world, 'II'), actor: 'officer-wang', reason: 'blizzard', evidence: [] });
    if (result.outcome !== 'activated') throw new Error('expected a new activation');
    expect(result.tasks.map((t) => `${t.roadId}#${t.pass}`).sort()).toEqual(preview.rows.map((r) => `${r.roadId}#${r.pass}`).sort());
    expect(result.shortfalls.map((s) => `${s.roadId}#${s.pass}`).sort()).toEqual(preview.shortfalls.map((s) => `${s.roadId}#${s.pass}`).sort());
  });

  it('reads as a table with local times and as JSON', async () => {
    const world = await plannerWorldInMemory();
    const preview = await previewPlan(world.deps, { level: 'II' });
    const table = formatPreviewTable(preview, world.city.plan.timeZone);
    const [header, rule, first] = table.split('\n');
    expect(header).toMatch(/^road\s+tier\s+pass\s+team\s+vehicle\s+start by\s+passable\s+target$/);
    expect(rule).toMatch(/^-+( +-+){7}$/);
    expect(first).toContain(preview.rows[0]!.road);
    expect(first).toMatch(/\b0[89]:\d\d\b/);
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview);
  });
});

describe('a failure while booking an activation (on the in-memory twins)', () => {
  it('leaves no tasks, no bookings and no open activation, and the next attempt starts clean', async () => {
    const world = await plannerWorldInMemory();
    let calls = 0;
    const real = world.deps.bookings;
    // Fault injection on the port: the third team's booking fails as a throttled DynamoDB call would.
    const failing = Object.create(real) as TeamBookings;
    failing.bookTeam = async (tasks) => {
      if (++calls === 3) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      return real.bookTeam(tasks);
    };
    const request = { level: 'II' as const, zoneLevels: allAt(world, 'II'), actor: 'poller', reason: 'blizzard', evidence: [] };
    await expect(activate({ ...world.deps, bookings: failing }, request)).rejects.toThrow('Rate exceeded');
    expect(await world.deps.activations.getOpenActivation()).toBeUndefined();
    expect(await lockItems(world)).toEqual([]);
    const abandonedId = (await world.deps.activations.listActivations(10)).find((a) => a.status === 'stood-down')!.id;
    const log = await world.deps.log.list(abandonedId);
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['plan.rolled-back', 'activation.abandoned']));
    expect(await world.deps.tasks.listTasks(abandonedId)).toEqual([]);
    const retry = await activate(world.deps, request);
    expect(retry.outcome).toBe('activated');
  });
});

describe('stand-down cancellation (cancelOpenTasks, as standDown runs it), on the in-memory twins', () => {
  it('cancels every open task and frees every crew and vehicle', async () => {
    const world = await plannerWorldInMemory();
    const result = await activate(world.deps, { level: 'II', zoneLevels: allAt(world, 'II'), actor: 'officer-wang', reason: 'blizzard', evidence: [] });
    if (result.outcome !== 'activated') throw new Error('expected a new activation');
    const released = await cancelOpenTasks(world.deps, result.activation.id, () => true, { actor: 'officer-wang', reason: 'stand-down: forecast cleared', reasonCode: reasonCode('stand-down', { reason: 'forecast cleared' }) });
    expect(released).toHaveLength(result.tasks.length);
    expect(new Set((await world.deps.tasks.listTasks(result.activation.id)).map((t) => t.state))).toEqual(new Set(['cancelled']));
    const busy = await world.deps.bookings.listBusy();
    expect([...busy.crewIds, ...busy.vehicleIds]).toEqual([]);
  });
});
