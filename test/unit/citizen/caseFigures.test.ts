import { describe, expect, it } from 'vitest';
import { caseFigures, caseTargetHours } from '../../../functions/core/citizen/caseFigures.ts';
import { cityPlanSchema } from '../../../functions/core/registry/CityPlan.ts';
import type { CitizenCase } from '../../../functions/core/citizen/CitizenCase.ts';
import { aCitizenCase } from '../../support/builders/citizenCase.ts';

const T0 = '2026-12-14T00:00:00.000Z';
const after = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();

function closedAfter(id: string, hours: number, rating?: number): CitizenCase {
  return aCitizenCase({
    id, submittedAt: T0, state: 'closed', ...(rating ? { rating } : {}),
    history: [{ step: 'submit', at: T0 }, { step: 'register', at: after(0.5) }, { step: 'dispatch', at: after(1) }, { step: 'handle', at: after(hours - 1) }, { step: 'verify', at: after(hours) }],
  });
}

describe('the citizen cases\' figures (数字城管 KPIs)', () => {
  it('counts closure among the cases that count: rejected and merged ones do not', () => {
    const f = caseFigures([closedAfter('r1', 4), aCitizenCase({ id: 'r2', state: 'dispatched' }), aCitizenCase({ id: 'r3', state: 'rejected' }), aCitizenCase({ id: 'r4', state: 'merged' })], 72);
    expect(f.cases).toBe(4);
    expect(f.closureRate).toBe(0.5);
  });

  it('counts on time the closed cases verified within the target hours of the report', () => {
    const f = caseFigures([closedAfter('r1', 4), closedAfter('r2', 80), closedAfter('r3', 70)], 72);
    expect(f.onTimeRate).toBeCloseTo(2 / 3);
  });

  it('gives the median minutes to register, dispatch and close, the cases by category and the mean rating', () => {
    const f = caseFigures([closedAfter('r1', 4, 5), closedAfter('r2', 6, 3), aCitizenCase({ id: 'r3', category: 'meltwater' })], 72);
    expect(f.medianMinutes).toEqual({ register: 30, dispatch: 60, close: 240 });
    expect(f.byCategory['icy-road']).toBe(2);
    expect(f.byCategory.meltwater).toBe(1);
    expect(f.satisfaction).toEqual({ ratings: 2, mean: 4 });
  });

  it('says null, not zero, where nothing was closed or rated', () => {
    const f = caseFigures([aCitizenCase()], 72);
    expect([f.closureRate, f.onTimeRate, f.medianMinutes.close, f.satisfaction.mean]).toEqual([0, null, null, null]);
  });

  it('counts on time against the plan\'s target: with 8 hours, a case closed after 70 hours is late', () => {
    const f = caseFigures([closedAfter('r1', 4), closedAfter('r2', 70)], caseTargetHours({ citizenCaseTargetHours: 8 }));
    expect(f.onTimeRate).toBe(0.5);
  });

  it('takes the plan\'s target for citizen cases, and 72 hours (three days) where a plan names none', () => {
    expect([caseTargetHours({ citizenCaseTargetHours: 8 }), caseTargetHours({})]).toEqual([8, 72]);
  });

  it('refuses a plan whose citizen case target is not a positive number of hours, naming the field', () => {
    const parsed = cityPlanSchema.safeParse({ citizenCaseTargetHours: 0 });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('citizenCaseTargetHours');
  });
});
