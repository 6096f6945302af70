import { ConflictError } from '../errors/ConflictError.ts';
import { CASE_TRANSITIONS, type CaseStep } from './CaseState.ts';
import type { CitizenCase } from './CitizenCase.ts';

/** The case after `step`, or a ConflictError naming the state it is in and the states the step needs. */
export function takeStep(c: CitizenCase, step: CaseStep, at: string, changes: Partial<CitizenCase> = {}, note?: string): CitizenCase {
  const rule = CASE_TRANSITIONS[step];
  if (!rule.from.includes(c.state)) {
    throw new ConflictError(`case ${c.id} is ${c.state}; it can be ${pastTense(step)} only when ${rule.from.join(' or ')}`, { caseId: c.id, state: c.state });
  }
  return {
    ...c,
    ...changes,
    state: rule.to,
    updatedAt: at,
    history: [...c.history, { step, at, ...(note ? { note } : {}) }],
    version: c.version + 1,
  };
}

function pastTense(step: CaseStep): string {
  const words: Record<CaseStep, string> = { register: 'registered', reject: 'rejected', merge: 'merged', dispatch: 'dispatched', wait: 'put to wait', handle: 'handled', verify: 'verified', reopen: 'reopened' };
  return words[step];
}
