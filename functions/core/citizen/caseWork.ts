import { caseLogEntry } from './caseLogEntry.ts';
import type { CaseTask, CitizenCase } from './CitizenCase.ts';
import type { CitizenDeps } from './CitizenDeps.ts';
import { changeCase } from './changeCase.ts';
import { takeStep } from './takeStep.ts';

/** What a step on a case from the crews' side needs (a reply's handler has no id generator to give). */
export type CaseWorkDeps = Pick<CitizenDeps, 'cases' | 'log' | 'clock'>;

/** 派遣: the case became a booked task; a crew's reply to that task finds the case through the link. */
export async function recordDispatch(deps: CitizenDeps, input: { caseId: string; task: CaseTask; actor: string }): Promise<CitizenCase> {
  const at = deps.clock.now().toISOString();
  // The link first: a reply that arrives the moment the SMS leaves must find its case.
  await deps.cases.linkTask(input.task, input.caseId);
  const { after } = await changeCase(deps, input.caseId, (c) => takeStep(c, 'dispatch', at, { task: input.task, reason: undefined }, input.task.code));
  await deps.log.append(caseLogEntry(after, 'dispatched', input.actor, at, { activationId: input.task.activationId, task: input.task.code }));
  return after;
}

/** No crew can take it yet (or the crew answered "cannot"): it waits in the queue with the reason. */
export async function recordWaiting(deps: CaseWorkDeps, input: { caseId: string; reason: string; actor: string }): Promise<CitizenCase> {
  const at = deps.clock.now().toISOString();
  const { after } = await changeCase(deps, input.caseId, (c) => takeStep(c, 'wait', at, { reason: input.reason, task: undefined }, input.reason));
  await deps.log.append(caseLogEntry(after, 'waiting', input.actor, at, {}, input.reason));
  return after;
}

/** 处置: the crew replied "3 done" to the case's task; the case waits for verification. */
export async function recordHandled(deps: CaseWorkDeps, input: { caseId: string; actor: string }): Promise<CitizenCase> {
  const at = deps.clock.now().toISOString();
  const { after } = await changeCase(deps, input.caseId, (c) => takeStep(c, 'handle', at));
  await deps.log.append(caseLogEntry(after, 'handled', input.actor, at, after.task ? { task: after.task.code } : {}));
  return after;
}

export type { CitizenCase };
