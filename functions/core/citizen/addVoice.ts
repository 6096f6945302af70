import { ConflictError } from '../errors/ConflictError.ts';
import { NotFoundError } from '../errors/NotFoundError.ts';
import { sha256 } from './caseKeys.ts';
import { caseLogEntry } from './caseLogEntry.ts';
import { isOpenCase } from './CaseState.ts';
import type { CitizenCase } from './CitizenCase.ts';
import type { CitizenDeps } from './CitizenDeps.ts';
import { changeCase } from './changeCase.ts';

function joinable(c: CitizenCase): void {
  if (!isOpenCase(c.state)) throw new ConflictError(`case ${c.id} is ${c.state}; only an open report takes more voices`, { caseId: c.id, state: c.state });
}

/**
 * "Add your voice": a citizen who sees the hazard already reported joins that report instead of filing
 * another. One voice per phone: `added` is false, and nothing is written, for a phone already counted.
 */
export async function addVoice(deps: CitizenDeps, input: { caseId: string; phone: string }): Promise<{ case: CitizenCase; added: boolean }> {
  const hash = sha256(input.phone);
  const current = await deps.cases.get(input.caseId);
  if (!current) throw new NotFoundError('case', input.caseId);
  joinable(current);
  if (current.supporters.includes(hash)) return { case: current, added: false };
  const at = deps.clock.now().toISOString();
  const { after } = await changeCase(deps, input.caseId, (c) => {
    joinable(c);
    const supporters = c.supporters.includes(hash) ? c.supporters : [...c.supporters, hash];
    return { ...c, supporters, voices: supporters.length, lastVoiceAt: at, updatedAt: at, version: c.version + 1 };
  });
  await deps.log.append(caseLogEntry(after, 'voice-added', 'citizen', at));
  return { case: after, added: true };
}
