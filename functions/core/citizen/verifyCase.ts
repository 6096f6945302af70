import { RuleViolationError } from '../errors/RuleViolationError.ts';
import { caseLogEntry } from './caseLogEntry.ts';
import type { CitizenCase } from './CitizenCase.ts';
import type { CitizenDeps } from './CitizenDeps.ts';
import { changeCase } from './changeCase.ts';
import { plainText } from './plainText.ts';
import { takeStep } from './takeStep.ts';

/** 核查: the officer (or an inspector) confirms the crew's "done"; the case closes. */
export async function verifyCase(deps: CitizenDeps, input: { caseId: string; actor: string; note?: string }): Promise<CitizenCase> {
  const at = deps.clock.now().toISOString();
  const note = input.note === undefined ? undefined : plainText(input.note) || undefined;
  const { after } = await changeCase(deps, input.caseId, (c) => takeStep(c, 'verify', at, {}, note));
  await deps.log.append(caseLogEntry(after, 'verified', input.actor, at, {}, note));
  return after;
}

/** The officer finds the hazard still there (or back): the case goes back to registered, to be dispatched again. */
export async function reopenCase(deps: CitizenDeps, input: { caseId: string; actor: string; reason: string }): Promise<CitizenCase> {
  const reason = plainText(input.reason);
  if (reason.length === 0) throw new RuleViolationError('reopening needs a reason (what is still wrong)', 'reason');
  const at = deps.clock.now().toISOString();
  const { after } = await changeCase(deps, input.caseId, (c) => takeStep(c, 'reopen', at, { task: undefined }, reason));
  await deps.log.append(caseLogEntry(after, 'reopened', input.actor, at, {}, reason));
  return after;
}
