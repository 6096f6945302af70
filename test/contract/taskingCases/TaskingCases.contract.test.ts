import { describe, expect, it } from 'vitest';
import { crewTaskingPrefix, type TaskingCase } from '../../../functions/core/escalation/TaskingCase.ts';
import { SUBJECTS } from '../support/subjects.ts';

const tasking = (crewId: string, wave: number, overrides: Partial<TaskingCase> = {}): TaskingCase => ({
  id: `${crewTaskingPrefix('act-1', crewId)}w${wave}`, activationId: 'act-1', crewId, wave, level: 'II', taskIds: ['t1'], taskCodes: ['T01'], step: 'leader',
  recipients: [], attempts: 1, dueAt: null, openedAt: '2026-12-14T00:00:00.000Z', updatedAt: '2026-12-14T00:00:00.000Z', version: 1, ...overrides,
} as TaskingCase);

describe.each(SUBJECTS)('TaskingCases: $name', ({ make }) => {
  it('opens a case once', async () => {
    const w = await make();
    expect([await w.taskingCases.createTaskingCase(tasking('C1', 1)), await w.taskingCases.createTaskingCase(tasking('C1', 1))]).toEqual(['created', 'exists']);
  });

  it('saves a case only over the version the caller read', async () => {
    const w = await make();
    const c = tasking('C1', 1);
    await w.taskingCases.createTaskingCase(c);
    const saved = await w.taskingCases.saveTaskingCase({ ...c, step: 'resent', version: 2 }, 1);
    const stale = await w.taskingCases.saveTaskingCase({ ...c, step: 'backup', version: 2 }, 1);
    expect({ saved, stale, stored: (await w.taskingCases.getTaskingCase('act-1', c.id))?.step }).toEqual({ saved: true, stale: false, stored: 'resent' });
  });

  it('counts a save that landed and then timed out as saved', async () => {
    const w = await make();
    const c = tasking('C1', 1);
    await w.taskingCases.createTaskingCase(c);
    w.landNextWriteThenTimeOut();
    expect(await w.taskingCases.saveTaskingCase({ ...c, version: 2 }, 1)).toBe(true);
  });

  it('lists one crew\'s cases apart from the activation\'s', async () => {
    const w = await make();
    for (const c of [tasking('C1', 1), tasking('C2', 1), tasking('C1', 2)]) await w.taskingCases.createTaskingCase(c);
    expect({ all: (await w.taskingCases.listTaskingCases('act-1')).length, c1: (await w.taskingCases.listCrewTaskingCases('act-1', 'C1')).map((c) => c.wave).sort() }).toEqual({ all: 3, c1: [1, 2] });
  });

  it('finds the cases due by now, earliest first, as many as asked, and none without a due time', async () => {
    const w = await make();
    await w.taskingCases.createTaskingCase(tasking('C1', 1, { dueAt: '2026-12-14T00:20:00.000Z' }));
    await w.taskingCases.createTaskingCase(tasking('C2', 1, { dueAt: '2026-12-14T00:10:00.000Z' }));
    await w.taskingCases.createTaskingCase(tasking('C3', 1, { dueAt: '2026-12-14T00:15:00.000Z' }));
    await w.taskingCases.createTaskingCase(tasking('C4', 1, { dueAt: '2026-12-14T02:00:00.000Z' }));
    await w.taskingCases.createTaskingCase(tasking('C5', 1));
    expect((await w.taskingCases.listDueTaskingCases('2026-12-14T00:30:00.000Z', 2)).map((c) => c.crewId)).toEqual(['C2', 'C3']);
  });

  it('reads every due case a page at a time, each page after the last case of the one before', async () => {
    const w = await make();
    for (let i = 1; i <= 5; i++) await w.taskingCases.createTaskingCase(tasking(`C${i}`, 1, { dueAt: `2026-12-14T00:0${i}:00.000Z` }));
    const pages: string[][] = [];
    let after: TaskingCase | undefined;
    for (let page = await w.taskingCases.listDueTaskingCases('2026-12-14T00:30:00.000Z', 2); page.length > 0; page = await w.taskingCases.listDueTaskingCases('2026-12-14T00:30:00.000Z', 2, after)) {
      pages.push(page.map((c) => c.crewId));
      after = page.at(-1);
    }
    expect(pages).toEqual([['C1', 'C2'], ['C3', 'C4'], ['C5']]);
  });

  it('reads the due cases of many crews a page at a time in due order, each once, equal due times included', async () => {
    const w = await make();
    const dueAt = (i: number) => `2026-12-14T00:${String(10 + (i % 5)).padStart(2, '0')}:00.000Z`;
    for (let i = 1; i <= 16; i++) await w.taskingCases.createTaskingCase(tasking(`C${i}`, 1, { dueAt: dueAt(i) }));
    await w.taskingCases.createTaskingCase(tasking('C17', 1, { dueAt: '2026-12-14T01:00:00.000Z' }));
    const listed: string[] = [];
    let after: TaskingCase | undefined;
    for (let page = await w.taskingCases.listDueTaskingCases('2026-12-14T00:30:00.000Z', 3); page.length > 0; page = await w.taskingCases.listDueTaskingCases('2026-12-14T00:30:00.000Z', 3, after)) {
      expect(page.length).toBeLessThanOrEqual(3);
      listed.push(...page.map((c) => c.id));
      after = page.at(-1);
    }
    const expected = Array.from({ length: 16 }, (_, k) => tasking(`C${k + 1}`, 1, { dueAt: dueAt(k + 1) })).sort((a, b) => `${a.dueAt}#${a.id}`.localeCompare(`${b.dueAt}#${b.id}`)).map((c) => c.id);
    expect(listed).toEqual(expected);
  });
});
