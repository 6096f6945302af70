import { DEFAULT_CASE_TARGET_HOURS, type CityPlan } from '../registry/CityPlan.ts';
import { percentile } from '../reports/percentile.ts';
import { CITIZEN_CATEGORIES, type CitizenCategory } from './CitizenCategory.ts';
import { firstAt, type CitizenCase } from './CitizenCase.ts';

/** The plan's target for citizen cases (plan.citizenCaseTargetHours), or the default when it names none. */
export function caseTargetHours(plan: Pick<CityPlan, 'citizenCaseTargetHours'>): number {
  return plan.citizenCaseTargetHours ?? DEFAULT_CASE_TARGET_HOURS;
}

export interface CaseFigures {
  cases: number;
  byCategory: Record<CitizenCategory, number>;
  /** Median minutes from the report to each step, over the cases that reached it; null when none did. */
  medianMinutes: { register: number | null; dispatch: number | null; close: number | null };
  /** 结案率: closed among the cases that count (rejected and merged ones do not). */
  closureRate: number | null;
  /** 按期处置率: closed within the plan's target (hours from the report) among the closed. */
  onTimeRate: number | null;
  satisfaction: { ratings: number; mean: number | null };
}

const minutesTo = (c: CitizenCase, step: Parameters<typeof firstAt>[1]) => {
  const at = firstAt(c, step);
  return at === undefined ? undefined : (Date.parse(at) - Date.parse(c.submittedAt)) / 60_000;
};

function median(values: (number | undefined)[]): number | null {
  const xs = values.filter((v): v is number => v !== undefined);
  const p50 = percentile(xs, 50);
  return p50 === null ? null : Math.round(p50);
}

/** The 数字城管 figures of a set of citizen cases. */
export function caseFigures(cases: readonly CitizenCase[], targetHours: number): CaseFigures {
  const byCategory = Object.fromEntries(CITIZEN_CATEGORIES.map((k) => [k, 0])) as Record<CitizenCategory, number>;
  for (const c of cases) byCategory[c.category] += 1;
  const counted = cases.filter((c) => c.state !== 'rejected' && c.state !== 'merged');
  const closed = counted.filter((c) => c.state === 'closed');
  const onTime = closed.filter((c) => (minutesTo(c, 'verify') ?? Infinity) <= targetHours * 60);
  const rated = cases.filter((c) => c.rating !== undefined);
  return {
    cases: cases.length,
    byCategory,
    medianMinutes: { register: median(cases.map((c) => minutesTo(c, 'register'))), dispatch: median(cases.map((c) => minutesTo(c, 'dispatch'))), close: median(closed.map((c) => minutesTo(c, 'verify'))) },
    closureRate: counted.length === 0 ? null : closed.length / counted.length,
    onTimeRate: closed.length === 0 ? null : onTime.length / closed.length,
    satisfaction: { ratings: rated.length, mean: rated.length === 0 ? null : rated.reduce((s, c) => s + c.rating!, 0) / rated.length },
  };
}
