import { ConflictError } from '../errors/ConflictError.ts';
import { NotFoundError } from '../errors/NotFoundError.ts';
import { RuleViolationError } from '../errors/RuleViolationError.ts';
import { caseLogEntry } from './caseLogEntry.ts';
import { isOpenCase } from './CaseState.ts';
import type { CitizenCase } from './CitizenCase.ts';
import type { CitizenDeps } from './CitizenDeps.ts';
import { takeStep } from './takeStep.ts';

const ROUNDS = 5;

/**
 * The officer marks a case as a duplicate of another (FixMyStreet's inspectors do): the duplicate is
 * closed as merged, its voices join the original, and both are written together or not at all.
 */
export async function mergeCase(deps: CitizenDeps, input: { caseId: string; intoId: string; actor: string }): Promise<{ merged: CitizenCase; into: CitizenCase }> {
  if (input.caseId === input.intoId) throw new RuleViolationError('a case cannot be merged into itself', 'intoId');
  for (let round = 0; round < ROUNDS; round++) {
    const [dup, original] = await Promise.all([deps.cases.get(input.caseId), deps.cases.get(input.intoId)]);
    if (!dup) throw new NotFoundError('case', input.caseId);
    if (!original) throw new NotFoundError('case', input.intoId);
    if (!isOpenCase(original.state)) throw new ConflictError(`case ${original.id} is ${original.state}; merge into an open case`, { caseId: original.id, state: original.state });
    const at = deps.clock.now().toISOString();
    const merged = takeStep(dup, 'merge', at, { mergedInto: original.id }, `merged into ${original.id}`);
    const supporters = [...new Set([...original.supporters, ...dup.supporters])];
    const into: CitizenCase = { ...original, supporters, voices: supporters.length, lastVoiceAt: dup.lastVoiceAt > original.lastVoiceAt ? dup.lastVoiceAt : original.lastVoiceAt, updatedAt: at, version: original.version + 1 };
    if (await deps.cases.save({ case: merged, expectedVersion: dup.version }, { case: into, expectedVersion: original.version })) {
      await deps.log.append(caseLogEntry(merged, 'merged', input.actor, at, { into: original.id, voicesNow: into.voices }));
      return { merged, into };
    }
  }
  throw new Error(`cases ${input.caseId} and ${input.intoId} kept changing under ${ROUNDS} merges in a row; try again`);
}
