import { beforeAll, describe, expect, it } from 'vitest';
import { observeDeps } from '../../functions/adapters/observability/observeDeps.ts';
import { Telemetry } from '../../functions/adapters/observability/Telemetry.ts';
import { DIMENSION, METRIC } from '../../functions/config/metrics.ts';
import { activate } from '../../functions/core/activation/activate.ts';
import { dispatchWave } from '../../functions/core/dispatch/dispatchWave.ts';
import { smsSegments } from '../../functions/core/messages/smsSegments.ts';
import { handleReply } from '../../functions/core/replies/handleReply.ts';
import { captureOutput, emfSum, jsonLines } from '../support/captureOutput.ts';
import { demoCityInMemory } from '../support/demoCity.ts';

/** An activation, its first wave, one leader's "1" ten minutes later and another's "3 done" ten minutes after that, through observed ports on the in-memory twins. */
async function observedStorm() {
  const { deps: plain, city, clock } = await demoCityInMemory();
  const telemetry = new Telemetry('observed-test', 'snowops-test');
  const deps = observeDeps(plain, telemetry);
  return captureOutput(async () => {
    const zoneLevels = Object.fromEntries(city.zones.map((z) => [z.id, 'II' as const]));
    const opened = await activate(deps, { level: 'II', zoneLevels, actor: 'poller', reason: 'storm', evidence: [] });
    if (opened.outcome !== 'activated') throw new Error('expected a new activation');
    await dispatchWave(deps, opened.activation.id);
    const tasking = plain.sms.sent.filter((s) => s.idempotencyKey.startsWith(opened.activation.id));
    clock.advance(10);
    const leader = tasking[0]!.to;
    const tasksOfLeader = (await plain.tasks.listTasks(opened.activation.id)).filter((t) => city.crews.find((c) => c.id === t.crewId)?.leader.phone === leader);
    await handleReply(deps, { inboundMessageId: 'in-1', from: leader, body: '1' });
    clock.advance(10);
    const finisher = tasking.find((s) => s.to !== leader)!.to;
    const tasksOfFinisher = (await plain.tasks.listTasks(opened.activation.id)).filter((t) => city.crews.find((c) => c.id === t.crewId)?.leader.phone === finisher);
    await handleReply(deps, { inboundMessageId: 'in-2', from: finisher, body: '3' });
    telemetry.metrics.publishStoredMetrics();
    return { activation: opened.activation, tasks: opened.tasks, tasking, sent: [...plain.sms.sent], tasksOfLeader, tasksOfFinisher, phones: city.crews.flatMap((c) => [c.leader.phone, c.backup.phone]) };
  });
}

describe('ports observed by a handler\'s telemetry (in-memory twins, recording SMS sender)', () => {
  let result: Awaited<ReturnType<typeof observedStorm>>['result'];
  let lines: string[];
  beforeAll(async () => {
    ({ result, lines } = await observedStorm());
  });

  it('counts tasks entering each state: planned when booked, dispatched when sent, acknowledged and done on the replies', () => {

    expect(emfSum(lines, METRIC.taskTransitions, { name: DIMENSION.state, value: 'planned' })).toBe(result.tasks.length);
    expect(emfSum(lines, METRIC.taskTransitions, { name: DIMENSION.state, value: 'dispatched' })).toBe(result.tasks.length);
    expect(emfSum(lines, METRIC.taskTransitions, { name: DIMENSION.state, value: 'acknowledged' })).toBe(result.tasksOfLeader.length);
    expect(emfSum(lines, METRIC.taskTransitions, { name: DIMENSION.state, value: 'done' })).toBe(result.tasksOfFinisher.length);
  });

  it('records the time from dispatch to the first confirming reply, in seconds, once per task, a "3 done" without a "1" included', () => {
    const values = jsonLines(lines).filter((l) => METRIC.timeToAcknowledge in l).flatMap((l) => [l[METRIC.timeToAcknowledge]].flat());

    expect(values).toEqual([...result.tasksOfLeader.map(() => 600), ...result.tasksOfFinisher.map(() => 1200)]);
  });

  it('counts every SMS sent, the answers to the replies included, and the segments they cost', () => {

    expect(result.sent).toHaveLength(result.tasking.length + 2);
    expect(emfSum(lines, METRIC.smsSent)).toBe(result.sent.length);
    expect(emfSum(lines, METRIC.smsSegments)).toBe(result.sent.reduce((sum, s) => sum + smsSegments(s.body).segments, 0));
  });

  it('counts the activation from its response-log entry and carries its id as the correlation id of later log lines', () => {
    const smsLines = jsonLines(lines).filter((l) => l.message === 'sms sent');

    expect(emfSum(lines, METRIC.activations)).toBe(1);
    expect(smsLines).toHaveLength(result.tasking.length + 2);
    for (const line of smsLines) expect(line.correlation_id).toBe(result.activation.id);
  });

  it('never writes a raw phone number, while logging each SMS with its number masked', () => {
    const text = lines.join('\n');

    for (const phone of result.phones) expect(text).not.toContain(phone);
    expect(jsonLines(lines).filter((l) => l.message === 'sms sent').map((l) => l.to)).toContain('+86 139****1001');
  });
});
