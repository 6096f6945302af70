import { RuleViolationError } from '../errors/RuleViolationError.ts';
import type { BannedPhones } from '../ports/BannedPhones.ts';
import { sha256 } from './caseKeys.ts';
import { caseLogEntry } from './caseLogEntry.ts';
import type { CitizenCase } from './CitizenCase.ts';
import type { CitizenDeps } from './CitizenDeps.ts';
import { changeCase } from './changeCase.ts';
import { plainText } from './plainText.ts';

export type BanDeps = Pick<CitizenDeps, 'cases' | 'log' | 'clock'> & { bans: BannedPhones };

/**
 * Moderation: the officer bans the number a case came from. The case and every report from that number,
 * before and after, are kept and never dispatched (dispatchCase asks the ban list); the reporter is not told,
 * so a flood does not learn to change numbers. The log names the case, never the number.
 */
export async function banReporter(deps: BanDeps, input: { caseId: string; actor: string; reason: string }): Promise<CitizenCase> {
  const reason = plainText(input.reason);
  if (reason.length === 0) throw new RuleViolationError('a ban needs a reason (it is kept in the response log)', 'reason');
  const at = deps.clock.now().toISOString();
  const { after } = await changeCase(deps, input.caseId, (c) => ({ ...c, banned: true, updatedAt: at, version: c.version + 1 }));
  const first = await deps.bans.ban(sha256(after.reporterPhone), { at, actor: input.actor, reason, caseId: after.id });
  await deps.log.append(caseLogEntry(after, 'reporter-banned', input.actor, at, { alreadyBanned: !first }, reason));
  return after;
}

/** Whether a case may never be dispatched: it, or its number since, is banned. */
export async function fromBannedNumber(deps: { bans: BannedPhones }, c: CitizenCase): Promise<boolean> {
  return c.banned === true || (await deps.bans.banOf(sha256(c.reporterPhone))) !== undefined;
}
