import { RuleViolationError } from '../errors/RuleViolationError.ts';
import { caseLogEntry } from './caseLogEntry.ts';
import { citizenMessages } from './citizenMessages.ts';
import type { CitizenCase } from './CitizenCase.ts';
import type { CitizenDeps } from './CitizenDeps.ts';
import { changeCase } from './changeCase.ts';
import { plainText } from './plainText.ts';
import type { ReporterTexting } from './ReporterTexting.ts';
import { takeStep } from './takeStep.ts';
import { textReporter } from './textReporter.ts';

/** 核查 and 反馈: the officer (or an inspector) confirms the crew's "done"; the case closes and the reporter is texted the result and their status link. */
export async function verifyCase(deps: CitizenDeps & ReporterTexting, input: { caseId: string; actor: string; note?: string }): Promise<CitizenCase> {
  const at = deps.clock.now().toISOString();
  const note = input.note === undefined ? undefined : plainText(input.note) || undefined;
  const { after } = await changeCase(deps, input.caseId, (c) => takeStep(c, 'verify', at, {}, note));
  await deps.log.append(caseLogEntry(after, 'verified', input.actor, at, {}, note));
  // A reopened case that closes again is told again: each closing is its own message.
  const closings = after.history.filter((e) => e.step === 'verify').length;
  await textReporter(deps, after, `closed-${closings}`, citizenMessages.closed(after.language, after.id, deps.statusLink(after.id, after.statusKey)), at);
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
