import { describe, expect, it } from 'vitest';
import * as z from '../../../functions/config/zod.ts';
import { lazyOnce } from '../../../functions/handlers/api/schemas/lazyOnce.ts';

describe('lazyOnce (a named schema behind z.lazy)', () => {
  it('gives a copy made before the first read the same inner schema, so a document holding both has one definition under the id', () => {
    const ids = z.registry<{ id: string }>();
    const task = lazyOnce(() => z.object({ code: z.string() }).register(ids, { id: 'Task' }));
    const described = task.check(z.describe('the task as it is now'));

    const document = z.toJSONSchema(z.object({ listed: task, moved: described }), { metadata: ids, unrepresentable: 'any' }) as { $defs?: Record<string, unknown> };

    expect(Object.keys(document.$defs ?? {})).toEqual(['Task']);
  });
});
