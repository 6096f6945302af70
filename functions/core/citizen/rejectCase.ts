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

/** The officer turns a report down; the reason is what the reporter is told. */
export async function rejectCase(deps: CitizenDeps & ReporterTexting, input: { caseId: string; actor: string; reason: string }): Promise<CitizenCase> {
  const reason = plainText(input.reason);
  if (reason.length === 0) throw new RuleViolationError('a rejection needs a reason the reporter can read', 'reason');
  const at = deps.clock.now().toISOString();
  const { after } = await changeCase(deps, input.caseId, (c) => takeStep(c, 'reject', at, { reason }, reason));
  await deps.log.append(caseLogEntry(after, 'rejected', input.actor, at, {}, reason));
  await textReporter(deps, after, 'rejected', citizenMessages.rejected(after.language, after.id, reason), at);
  return after;
}
