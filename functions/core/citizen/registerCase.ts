import { caseLogEntry } from './caseLogEntry.ts';
import type { CitizenCase } from './CitizenCase.ts';
import type { CitizenDeps } from './CitizenDeps.ts';
import { changeCase } from './changeCase.ts';
import { takeStep } from './takeStep.ts';

/** 立案: the duty officer accepts the report as a case to work on. */
export async function registerCase(deps: CitizenDeps, input: { caseId: string; actor: string }): Promise<CitizenCase> {
  const at = deps.clock.now().toISOString();
  const { after } = await changeCase(deps, input.caseId, (c) => takeStep(c, 'register', at));
  await deps.log.append(caseLogEntry(after, 'registered', input.actor, at));
  return after;
}
