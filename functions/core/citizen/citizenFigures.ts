import type { CityPlan } from '../registry/CityPlan.ts';
import { caseFigures, caseTargetHours, type CaseFigures } from './caseFigures.ts';
import { followTasks, type FollowDeps } from './followTask.ts';

/** The figures of the citizen reports of a period, against the plan's target (hours from report to closing). */
export interface CitizenFigures extends CaseFigures {
  targetHours: number;
}

/**
 * The 数字城管 figures of the cases reported in [from, to), each first brought up to its task's state: the
 * one computation behind GET /citizen/figures (the last days) and the after-action report (the
 * operational period).
 */
export async function citizenFigures(deps: FollowDeps, input: { plan: Pick<CityPlan, 'citizenCaseTargetHours'>; from: string; to?: string }): Promise<CitizenFigures> {
  const cases = await followTasks(deps, await deps.cases.listSubmitted({ from: input.from, ...(input.to === undefined ? {} : { to: input.to }) }));
  const targetHours = caseTargetHours(input.plan);
  return { targetHours, ...caseFigures(cases, targetHours) };
}
