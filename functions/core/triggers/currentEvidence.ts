import type { CoreDeps } from '../ports/CoreDeps.ts';
import type { Evidence } from './Evidence.ts';

/** What the latest forecasts say, every zone's evidence with its rule prefixed by the zone: logged with officers' decisions. */
export async function currentEvidence(deps: Pick<CoreDeps, 'zoneStates'>): Promise<Evidence[]> {
  const states = await deps.zoneStates.getZoneStates();
  return states.flatMap((s) => s.evidence.map((e) => ({ ...e, rule: `${s.zoneId}:${e.rule}` })));
}
