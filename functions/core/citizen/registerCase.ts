import { caseLogEntry } from './caseLogEntry.ts';
import { citizenMessages } from './citizenMessages.ts';
import type { CitizenCase } from './CitizenCase.ts';
import type { CitizenDeps } from './CitizenDeps.ts';
import { changeCase } from './changeCase.ts';
import type { ReporterTexting } from './ReporterTexting.ts';
import { takeStep } from './takeStep.ts';
import { textReporter } from './textReporter.ts';

/** 立案: the duty officer accepts the report as a case to work on; the reporter is texted so (once). */
export async function registerCase(deps: CitizenDeps & ReporterTexting, input: { caseId: string; actor: string }): Promise<CitizenCase> {
  const at = deps.clock.now().toISOString();
  const { after } = await changeCase(deps, input.caseId, (c) => takeStep(c, 'register', at));
  await deps.log.append(caseLogEntry(after, 'registered', input.actor, at));
  await textReporter(deps, after, 'registered', citizenMessages.registered(after.language, after.category, after.id), at);
  return after;
}
