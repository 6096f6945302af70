import { standDown } from '../../../functions/core/activation/standDown.ts';
import { standDownUnfinished } from '../../../functions/core/activation/standDownUnfinished.ts';
import { sweepEscalations } from '../../../functions/core/escalation/sweepEscalations.ts';
import { pollAndDispatch } from '../../../functions/core/poll/pollAndDispatch.ts';
import { handleReply, type ReplyOutcome } from '../../../functions/core/replies/handleReply.ts';
import type { World, WorldDeps } from './world.ts';

/** How a step of the script is run: once, or again after a failure as Lambda retries an invocation. */
export type Runner = <T>(name: string, step: () => Promise<T>) => Promise<T>;

export const runOnce: Runner = (_name, step) => step();

export interface ScriptRun {
  activationId: string;
  decisions: string[];
  replies: ReplyOutcome[];
}

/**
 * Polls once with `mm` of snow water an hour (2: level II, 4: level I). The poller plans its waves in its own run
 * here (as the local runtime does), not through the world's planning port: that port runs an officer's wave
 * inside the caller, so a crash in it would be retried as the poll's, which the deployed poller, handing the wave
 * to the planning queue, never does (test/unit/poll/pollHandsWave.test.ts covers the hand-over).
 */
export function poll(w: World, deps: WorldDeps, mm: number) {
  w.weather.blizzardMm(mm);
  w.weather.set('open-meteo', mm > 0 ? 'blizzard' : 'quiet');
  w.weather.startAt(w.clock.now().toISOString());
  const { planning: _officersPlanning, ...pollerDeps } = deps;
  return pollAndDispatch(pollerDeps);
}

/**
 * A whole small storm on a simulated clock: level II opens and dispatches, three leaders answer ("1", "3",
 * "9": a replacement is sought; then something the parser does not know), escalation sweeps run, the forecast worsens to level I (a second wave for
 * the sweepers), the sweeper acknowledges, more sweeps, stand-down, a last sweep. Every step goes through
 * `run`, which may retry it as Lambda would.
 */
export async function runStormScript(w: World, run: Runner = runOnce, deps: () => WorldDeps = () => w.deps): Promise<ScriptRun> {
  const decisions: string[] = [];
  const replies: ReplyOutcome[] = [];
  let inbound = 0;
  const sweep = (minutes: number) => { w.clock.advance(minutes); return run('sweep', () => sweepEscalations(deps())); };
  const reply = async (phone: string, body: string) => {
    const id = `in-${++inbound}`;
    replies.push(await run(`reply ${body}`, () => handleReply(deps(), { inboundMessageId: id, from: phone, body })));
  };

  const first = await run('poll II', () => poll(w, deps(), 2));
  decisions.push(first.decision);
  const activationId = first.activation?.activation.id ?? (await w.deps.activations.getOpenActivation())?.id;
  if (!activationId) throw new Error(`the first poll opened no activation (decision ${first.decision})`);
  const tasked = [...new Set((await w.deps.tasks.listTasks(activationId)).map((t) => t.crewId))].sort();
  if (tasked.length < 3) throw new Error(`the first wave tasked ${tasked.length} crews (${tasked.join(', ')}), the script needs 3`);
  const leader = (crewId: string | undefined) => w.city.crews.find((c) => c.id === crewId)!.leader.phone;

  w.clock.advance(5);
  await reply(leader(tasked[0]), '1');
  await reply(leader(tasked[1]), '3');
  await reply(leader(tasked[2]), '9');
  await reply(leader(tasked[0]), '车坏了怎么办'); // not a reply code: help, once
  await sweep(5);
  w.clock.advance(10);
  decisions.push((await run('poll I', () => poll(w, deps(), 4))).decision);
  await sweep(0);
  w.clock.advance(5);
  const sweeper = w.city.crews.find((c) => c.certified.includes('sweeper'))!;
  await reply(sweeper.leader.phone, '1');
  for (const minutes of [10, 15, 15]) await sweep(minutes);
  w.clock.advance(5);
  await run('stand-down', async () => {
    const open = await deps().activations.getActivation(activationId);
    // A retry after a run that died once the activation was closed finishes that stand-down (its cancellations and notices).
    if (open && (open.status === 'open' || standDownUnfinished(open))) await standDown(deps(), { activationId, actor: 'duty-officer', reason: 'snow over' });
  });
  await sweep(1);
  return { activationId, decisions, replies };
}

/** What a storm ended with, in terms that do not depend on ids, codes or order. */
export async function stormOutcome(w: World, activationId: string) {
  const tasks = await w.deps.tasks.listTasks(activationId);
  const cases = await w.deps.taskingCases.listTaskingCases(activationId);
  const messages = await w.deps.smsRecords.listMessages(activationId);
  const log = [...(await w.deps.log.list(activationId)), ...(await w.deps.log.list('system'))];
  const count = (keys: string[]) => Object.fromEntries([...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].sort(([a], [b]) => a.localeCompare(b)));
  return {
    tasks: tasks.map((t) => `${t.roadId}#${t.pass}#${t.crewId}#w${t.wave}#${t.state}`).sort(),
    cases: cases.map((c) => `${c.crewId}#w${c.wave}#${c.step}#${c.outcome ?? '-'}#${c.recipients.map((r) => `${r.role}:${r.outcome}`).join(',')}`).sort(),
    messages: count(messages.map((m) => `${m.recipient ?? '?'}#${m.state}`)),
    logActions: count(log.map((e) => e.action)),
    smsPerPhone: count(w.sns.published.map((p) => p.phoneNumber)),
  };
}
