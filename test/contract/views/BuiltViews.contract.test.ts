import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SUBJECTS } from '../support/subjects.ts';
import { AT } from '../support/records.ts';

const LATER = '2026-12-14T00:15:00.000Z';

/** A map-sized view that does not compress away: about 1.2 MB gzipped, several of DynamoDB's 400 KB items. */
function bigView(): { roads: string[] } {
  return { roads: Array.from({ length: 16_000 }, (_, i) => createHash('sha512').update(String(i)).digest('base64')) };
}

describe.each(SUBJECTS)('BuiltViews: $name', ({ make }) => {
  it('has no view until one is put, then gives it back for the version it was built for', async () => {
    const w = await make();
    const before = await w.views.getView('city-map', 'rev-1');
    await w.views.putView('city-map', 'rev-1', { value: { roads: ['R1', 'R2'], scale: 1e5 }, builtAt: AT });
    expect({ before, after: await w.views.getView('city-map', 'rev-1') }).toEqual({ before: undefined, after: { value: { roads: ['R1', 'R2'], scale: 1e5 }, builtAt: AT } });
  });

  it('gives no view for another version than the one kept', async () => {
    const w = await make();
    await w.views.putView('board-sources', 'v7', { value: { roads: { R1: 'done' } }, builtAt: AT });
    expect(await w.views.getView('board-sources', 'v8')).toBeUndefined();
  });

  it('keeps one view per name: a newer version replaces the one before, and the other name is untouched', async () => {
    const w = await make();
    await w.views.putView('board-sources', 'v7', { value: { n: 7 }, builtAt: AT });
    await w.views.putView('city-map', 'rev-1', { value: { n: 1 }, builtAt: AT });
    await w.views.putView('board-sources', 'v8', { value: { n: 8 }, builtAt: LATER });
    expect([await w.views.getView('board-sources', 'v7'), await w.views.getView('board-sources', 'v8'), await w.views.getView('city-map', 'rev-1')])
      .toEqual([undefined, { value: { n: 8 }, builtAt: LATER }, { value: { n: 1 }, builtAt: AT }]);
  });

  it('gives the view kept under a name whatever its version, with that version, and none before any is put', async () => {
    const w = await make();
    const before = await w.views.getLatestView('board-sources');
    await w.views.putView('board-sources', 'act-1@7', { value: { n: 7 }, builtAt: AT });
    await w.views.putView('board-sources', 'act-1@9', { value: { n: 9 }, builtAt: LATER });
    expect({ before, after: await w.views.getLatestView('board-sources') }).toEqual({ before: undefined, after: { version: 'act-1@9', view: { value: { n: 9 }, builtAt: LATER } } });
  });

  it('keeps the newer of two puts of one version whole, however large', async () => {
    const w = await make();
    const big = bigView();
    await w.views.putView('board-sources', 'act-1@7', { value: big, builtAt: AT });
    await w.views.putView('board-sources', 'act-1@7', { value: { n: 7 }, builtAt: LATER });
    expect(await w.views.getView('board-sources', 'act-1@7')).toEqual({ value: { n: 7 }, builtAt: LATER });
  });

  it('keeps a view larger than one DynamoDB item whole', async () => {
    const w = await make();
    const view = bigView();
    await w.views.putView('city-map', 'rev-big', { value: view, builtAt: AT });
    expect(await w.views.getView('city-map', 'rev-big')).toEqual({ value: view, builtAt: AT });
  });
});
