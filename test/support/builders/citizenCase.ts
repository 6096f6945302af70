import type { CitizenCase } from '../../../functions/core/citizen/CitizenCase.ts';

/** A case as accepted from a reporter on 解放路 bridge; override what a test is about. */
export function aCitizenCase(overrides: Partial<CitizenCase> = {}): CitizenCase {
  const at = overrides.submittedAt ?? '2026-12-14T22:00:00.000Z';
  return {
    id: 'r01',
    category: 'icy-road',
    description: '解放路桥面结冰，已有电动车滑倒',
    lat: 35.2157,
    lon: 113.2419,
    zoneId: 'jiefang',
    reporterPhone: '+8613800000001',
    language: 'zh-CN',
    photos: [],
    state: 'submitted',
    submittedAt: at,
    updatedAt: at,
    voices: 1,
    lastVoiceAt: at,
    supporters: ['a'.repeat(64)],
    statusKey: 'k'.repeat(43),
    history: [{ step: 'submit', at }],
    version: 1,
    ...overrides,
  };
}
