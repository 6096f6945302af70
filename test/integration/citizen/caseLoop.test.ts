import { beforeAll, describe, expect, it } from 'vitest';
import { acceptReport, type NewReport } from '../../../functions/core/citizen/acceptReport.ts';
import { addVoice } from '../../../functions/core/citizen/addVoice.ts';
import { recordDispatch, recordHandled, recordWaiting } from '../../../functions/core/citizen/caseWork.ts';
import { CITIZEN_LOG } from '../../../functions/core/citizen/CitizenDeps.ts';
import { mergeCase } from '../../../functions/core/citizen/mergeCase.ts';
import { nearbyOpenCases, suggestMerges } from '../../../functions/core/citizen/nearbyCases.ts';
import { rateCase, readOwnCase } from '../../../functions/core/citizen/readCaseStatus.ts';
import { registerCase } from '../../../functions/core/citizen/registerCase.ts';
import { rejectCase } from '../../../functions/core/citizen/rejectCase.ts';
import { reopenCase, verifyCase } from '../../../functions/core/citizen/verifyCase.ts';
import { ConflictError } from '../../../functions/core/errors/ConflictError.ts';
import { NotFoundError } from '../../../functions/core/errors/NotFoundError.ts';
import { citizenWorld } from '../../support/citizenWorld.ts';

type World = Awaited<ReturnType<typeof citizenWorld>>;
let world: World;
beforeAll(async () => { world = await citizenWorld(); });

const bridge: NewReport = { category: 'icy-road', description: '解放路桥面结冰', lat: 35.2157, lon: 113.2419, phone: '+8613800000001', language: 'zh-CN', photos: [] };
const task = { activationId: 'act-1', taskId: 'act-1-T40', code: 'T40' };

describe('the closed loop of a citizen case (DynamoDB Local)', () => {
  it('goes accept, register, dispatch, handle, verify, and logs every step without the reporter\'s phone', async () => {
    const { case: c } = await acceptReport(world, bridge);
    await registerCase(world, { caseId: c.id, actor: 'officer-demo' });
    await recordDispatch(world, { caseId: c.id, task, actor: 'officer-demo' });
    await recordHandled(world, { caseId: c.id, actor: 'crew:C01' });
    const closed = await verifyCase(world, { caseId: c.id, actor: 'officer-demo' });

    expect(closed.history.map((e) => e.step)).toEqual(['submit', 'register', 'dispatch', 'handle', 'verify']);
    const entries = (await world.log.list(CITIZEN_LOG)).filter((e) => e.subject === `case:${c.id}`);
    expect(entries.map((e) => e.action)).toEqual(['citizen.accepted', 'citizen.registered', 'citizen.sms-sent', 'citizen.dispatched', 'citizen.handled', 'citizen.verified', 'citizen.sms-sent']);
    expect(JSON.stringify(entries)).not.toContain('13800000001');
  });

  it('texts the reporter once when registered and once when closed, the closing SMS with the status link', async () => {
    const phone = '+8613800000077';
    const { case: c, statusKey } = await acceptReport(world, { ...bridge, phone });
    await registerCase(world, { caseId: c.id, actor: 'o' });
    await recordDispatch(world, { caseId: c.id, task, actor: 'o' });
    await recordHandled(world, { caseId: c.id, actor: 'crew' });
    await verifyCase(world, { caseId: c.id, actor: 'o' });
    const sms = world.smsTo(phone);
    expect(sms).toHaveLength(2);
    expect(sms[0]).toContain('已立案');
    expect(sms[1]).toContain(`#${statusKey}`);
  });

  it('finds the case of a dispatched task', async () => {
    const { case: c } = await acceptReport(world, bridge);
    await registerCase(world, { caseId: c.id, actor: 'officer-demo' });
    const t = { activationId: 'act-2', taskId: `act-2-${c.id}`, code: 'T41' };
    await recordDispatch(world, { caseId: c.id, task: t, actor: 'officer-demo' });
    expect(await world.cases.casesOfTask('act-2', t.taskId)).toEqual([c.id]);
  });

  it('refuses to verify a case the crew has not handled', async () => {
    const { case: c } = await acceptReport(world, bridge);
    await registerCase(world, { caseId: c.id, actor: 'officer-demo' });
    await expect(verifyCase(world, { caseId: c.id, actor: 'officer-demo' })).rejects.toThrow(/registered; it can be verified only when handled/);
  });

  it('reopens a verified case to registered, without its old task', async () => {
    const { case: c } = await acceptReport(world, bridge);
    await registerCase(world, { caseId: c.id, actor: 'o' });
    await recordDispatch(world, { caseId: c.id, task, actor: 'o' });
    await recordHandled(world, { caseId: c.id, actor: 'crew' });
    await verifyCase(world, { caseId: c.id, actor: 'o' });
    const reopened = await reopenCase(world, { caseId: c.id, actor: 'o', reason: '桥面仍有暗冰' });
    expect([reopened.state, reopened.task]).toEqual(['registered', undefined]);
  });

  it('puts a case that no crew can take to wait with the reason, and dispatches it later', async () => {
    const { case: c } = await acceptReport(world, bridge);
    await registerCase(world, { caseId: c.id, actor: 'o' });
    const waiting = await recordWaiting(world, { caseId: c.id, reason: 'no free crew certified for a spreader', actor: 'system' });
    expect([waiting.state, waiting.reason]).toEqual(['waiting', 'no free crew certified for a spreader']);
    const dispatched = await recordDispatch(world, { caseId: c.id, task, actor: 'system' });
    expect([dispatched.state, dispatched.reason]).toEqual(['dispatched', undefined]);
  });

  it('rejects with a reason kept as plain text', async () => {
    const { case: c } = await acceptReport(world, bridge);
    const rejected = await rejectCase(world, { caseId: c.id, actor: 'o', reason: '<b>不在</b>本市范围' });
    expect([rejected.state, rejected.reason]).toEqual(['rejected', '不在 本市范围']);
  });

  it('stores a description with markup as plain text', async () => {
    const { case: c } = await acceptReport(world, { ...bridge, description: 'ice <script>alert(1)</script> here <img src=x onerror=alert(2)>' });
    expect(c.description).toBe('ice alert(1) here');
    expect((await world.cases.get(c.id))?.description).not.toMatch(/[<>]/);
  });

  it('merges a duplicate into the original: the voices join and the duplicate closes as merged', async () => {
    const { case: first } = await acceptReport(world, bridge);
    const { case: second } = await acceptReport(world, { ...bridge, phone: '+8613800000002' });
    const { merged, into } = await mergeCase(world, { caseId: second.id, intoId: first.id, actor: 'o' });
    expect([merged.state, merged.mergedInto, into.voices]).toEqual(['merged', first.id, 2]);
  });

  it('refuses to merge into a closed case', async () => {
    const { case: first } = await acceptReport(world, bridge);
    await rejectCase(world, { caseId: first.id, actor: 'o', reason: 'duplicate of a closed case' });
    const { case: second } = await acceptReport(world, bridge);
    await expect(mergeCase(world, { caseId: second.id, intoId: first.id, actor: 'o' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('counts one voice per phone', async () => {
    const { case: c } = await acceptReport(world, bridge);
    const once = await addVoice(world, { caseId: c.id, phone: '+8613800000009' });
    const twice = await addVoice(world, { caseId: c.id, phone: '+8613800000009' });
    const reporter = await addVoice(world, { caseId: c.id, phone: bridge.phone });
    expect([once.added, twice.added, reporter.added, reporter.case.voices]).toEqual([true, false, false, 2]);
  });

  it('opens the reporter\'s case with the status key, and answers a wrong key as an unknown case', async () => {
    const { case: c, statusKey } = await acceptReport(world, bridge);
    expect((await readOwnCase(world, { caseId: c.id, statusKey })).id).toBe(c.id);
    await expect(readOwnCase(world, { caseId: c.id, statusKey: `${statusKey.slice(0, -1)}x` })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('takes one rating, from 1 to 5, of a closed case', async () => {
    const { case: c, statusKey } = await acceptReport(world, bridge);
    await registerCase(world, { caseId: c.id, actor: 'o' });
    await recordDispatch(world, { caseId: c.id, task, actor: 'o' });
    await recordHandled(world, { caseId: c.id, actor: 'crew' });
    await verifyCase(world, { caseId: c.id, actor: 'o' });
    expect((await rateCase(world, { caseId: c.id, statusKey, rating: 5 })).rating).toBe(5);
    await expect(rateCase(world, { caseId: c.id, statusKey, rating: 4 })).rejects.toThrow(/already rated 5/);
  });
});

describe('reports near a pin', () => {
  it('lists open reports within the radius, nearest first, and suggests merging the same category within 50 m', async () => {
    const w = await citizenWorld('2026-12-15T02:00:00.000Z');
    const { case: a } = await acceptReport(w, bridge);
    w.clock.advance(10);
    // about 30 m north of a
    const { case: b } = await acceptReport(w, { ...bridge, lat: bridge.lat + 0.00027, phone: '+8613800000002' });
    // about 300 m away: near enough to show, too far to merge
    const { case: far } = await acceptReport(w, { ...bridge, lat: bridge.lat + 0.0027, phone: '+8613800000003' });
    const { case: other } = await acceptReport(w, { ...bridge, category: 'meltwater', phone: '+8613800000004' });

    const near = await nearbyOpenCases(w, { lat: bridge.lat, lon: bridge.lon, radiusM: 500, withinHours: 48, category: 'icy-road' });
    expect(near.map((n) => n.id)).toEqual([a.id, b.id, far.id]);
    expect((await suggestMerges(w, b)).map((n) => n.id)).toEqual([a.id]);
    expect(other.id).not.toBe(a.id);
  });

  it('suggests no merge for a report more than 6 h apart', async () => {
    const w = await citizenWorld('2026-12-15T02:00:00.000Z');
    await acceptReport(w, bridge);
    w.clock.advance(6 * 60 + 1);
    const { case: late } = await acceptReport(w, { ...bridge, phone: '+8613800000002' });
    expect(await suggestMerges(w, late)).toEqual([]);
  });
});
