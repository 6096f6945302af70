import { ConflictError } from '../errors/ConflictError.ts';
import { NotFoundError } from '../errors/NotFoundError.ts';
import { RuleViolationError } from '../errors/RuleViolationError.ts';
import { sameSecret } from './caseKeys.ts';
import { caseLogEntry } from './caseLogEntry.ts';
import type { CitizenCase } from './CitizenCase.ts';
import type { CitizenDeps } from './CitizenDeps.ts';
import { changeCase } from './changeCase.ts';

/**
 * The reporter's own case, behind the secret of their status link. A wrong secret is answered exactly as
 * an unknown case, so the link tells nothing to someone guessing.
 */
export async function readOwnCase(deps: Pick<CitizenDeps, 'cases'>, input: { caseId: string; statusKey: string }): Promise<CitizenCase> {
  const c = await deps.cases.get(input.caseId);
  if (!c || !sameSecret(c.statusKey, input.statusKey)) throw new NotFoundError('case', input.caseId);
  return c;
}

/** The reporter rates a closed case 1 to 5 (it counts in the department's assessment), once. */
export async function rateCase(deps: CitizenDeps, input: { caseId: string; statusKey: string; rating: number }): Promise<CitizenCase> {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) throw new RuleViolationError('a rating is a whole number from 1 to 5', 'rating');
  await readOwnCase(deps, input);
  const at = deps.clock.now().toISOString();
  const { after } = await changeCase(deps, input.caseId, (c) => {
    if (c.state !== 'closed') throw new ConflictError(`case ${c.id} is ${c.state}; it can be rated once it is closed`, { caseId: c.id, state: c.state });
    if (c.rating !== undefined) throw new ConflictError(`case ${c.id} was already rated ${c.rating}`, { caseId: c.id, rating: c.rating });
    return { ...c, rating: input.rating, updatedAt: at, version: c.version + 1 };
  });
  await deps.log.append(caseLogEntry(after, 'rated', 'citizen', at, { rating: input.rating }));
  return after;
}
