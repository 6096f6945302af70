import { describe, expect, it } from 'vitest';
import { SUBJECTS } from '../support/subjects.ts';
import { openActivation, task } from '../support/records.ts';

describe.each(SUBJECTS)('BoardVersion: $name', ({ make }) => {
  it('is 0 before anything is written', async () => {
    const w = await make();
    expect(await w.boardVersion.read()).toBe(0);
  });

  it('has moved on past what was read before each of ten bumps made at once, once they return', async () => {
    const w = await make();
    const before = await w.boardVersion.read();
    await Promise.all(Array.from({ length: 10 }, () => w.boardVersion.bump()));
    expect(await w.boardVersion.read()).toBeGreaterThan(before);
  });

  it('moves on when a team is booked and when its task moves, and stays put while tasks are only read', async () => {
    const w = await make();
    await w.activations.createActivation(openActivation(), []);
    const fresh = await w.boardVersion.read();
    await w.bookings.bookTeam([task(1, 1)]);
    const booked = await w.boardVersion.read();
    await w.tasks.listTasks('act-1');
    const read = await w.boardVersion.read();
    await w.tasks.transitionTask(task(1, 1), 'planned', 'dispatched', '2026-12-14T00:05:00.000Z');
    expect([booked > fresh, read === booked, (await w.boardVersion.read()) > read]).toEqual([true, true, true]);
  });

  it('moves on when road passes are marked short', async () => {
    const w = await make();
    const before = await w.boardVersion.read();
    await w.shortfalls.markShortfallsReported('act-1', ['R1#plough']);
    expect(await w.boardVersion.read()).toBeGreaterThan(before);
  });
});
