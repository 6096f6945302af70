import { citizenFigures } from '../../../core/citizen/citizenFigures.ts';
import { buildAfterAction } from '../../../core/reports/buildAfterAction.ts';
import { loadReportSources } from '../../../core/reports/loadReportSources.ts';
import type { ApiDeps } from '../ApiDeps.ts';
import type { Principal } from '../auth/Principal.ts';
import { citizenDeps } from './open311/postRequest.ts';
import { resolveActivationId } from './resolveActivationId.ts';

/** An activation's report sources and its after-action report, with the citizen reports filed during its operational period. */
export async function loadAfterAction(deps: ApiDeps, activationRef: string, principal: Principal) {
  const sources = await loadReportSources(deps, await resolveActivationId(deps, activationRef));
  const now = deps.clock.now().toISOString();
  const { activation } = sources;
  const citizen = await citizenFigures({ ...citizenDeps(deps), tasks: deps.tasks }, { plan: sources.plan, from: activation.openedAt, to: activation.closedAt ?? now });
  return { sources, report: buildAfterAction({ ...sources, citizen, now, preparedBy: principal.username }) };
}
