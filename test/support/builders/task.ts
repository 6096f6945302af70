import type { Task } from '../../../functions/core/operations/Task.ts';

export function aTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 'act-1-T07',
    code: 'T07',
    activationId: 'act-1',
    roadId: 'R001',
    roadName: '人民路(解放段)',
    zoneId: 'jiefang',
    tier: 1,
    pass: 'plough',
    laneKm: 6.4,
    crewId: 'C01',
    vehicleId: 'V01',
    vehicleLabel: '豫H铲001',
    depot: '解放区环卫车场',
    sequence: 1,
    // 22:30 UTC is 06:30 the next morning in Asia/Shanghai (UTC+8).
    startBy: '2026-12-14T22:30:00.000Z',
    passableAt: '2026-12-15T00:00:00.000Z',
    state: 'dispatched',
    wave: 1,
    updatedAt: '2026-12-14T22:00:00.000Z',
    ...overrides,
  };
}
