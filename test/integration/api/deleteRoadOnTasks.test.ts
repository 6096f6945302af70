import { describe, expect, it } from 'vitest';
import { memoryApiHarness } from '../../support/apiHarness.ts';

describe('DELETE /registry/roads/{id} (issue 14, defect 4)', () => {
  it('answers 409 for a road on open tasks, as the OpenAPI document promises, and keeps the road', async () => {
    const h = await memoryApiHarness();
    const id = (await h.call('POST', '/activations', { body: { level: 'II', reason: 'test' } })).json.activation.id;
    const roadId = (await h.deps.tasks.listTasks(id))[0]!.roadId;
    const res = await h.call('DELETE', `/registry/roads/${roadId}`, { as: 'admin' });
    expect(res.status).toBe(409);
    expect(res.json.detail).toContain('open tasks');
    expect((await h.deps.registry.listRoads()).some((r) => r.id === roadId)).toBe(true);
  });
});
