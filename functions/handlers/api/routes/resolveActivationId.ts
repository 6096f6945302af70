import { NotFoundError } from '../../../core/errors/NotFoundError.ts';
import type { ApiDeps } from '../ApiDeps.ts';

/** "current" names the open activation; anything else is an id, passed through. */
export async function resolveActivationId(deps: ApiDeps, id: string): Promise<string> {
  if (id !== 'current') return id;
  const open = await deps.activations.getOpenActivation();
  if (!open) throw new NotFoundError('activation', 'current', 'no activation is open now; list past ones with GET /activations');
  return open.id;
}
