import { NotFoundError } from '../errors/NotFoundError.ts';
import type { CitizenCase } from './CitizenCase.ts';
import type { CitizenDeps } from './CitizenDeps.ts';

/** Writers racing for one case rarely take more than a couple of rounds. */
const ROUNDS = 5;

/**
 * Reads a case, applies `change` and saves it if nobody wrote it meanwhile, else reads it again and
 * re-applies `change` (which may then refuse, e.g. with a ConflictError, on the state it finds).
 */
export async function changeCase(deps: Pick<CitizenDeps, 'cases'>, caseId: string, change: (c: CitizenCase) => CitizenCase): Promise<{ before: CitizenCase; after: CitizenCase }> {
  for (let round = 0; ; round++) {
    const before = await deps.cases.get(caseId);
    if (!before) throw new NotFoundError('case', caseId);
    const after = change(before);
    if (await deps.cases.save({ case: after, expectedVersion: before.version })) return { before, after };
    if (round + 1 >= ROUNDS) throw new Error(`case ${caseId} kept changing under ${ROUNDS} writes in a row; try again`);
  }
}
