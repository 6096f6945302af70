import * as z from '../../../config/zod.ts';

/**
 * z.lazy whose inner schema is built once, whatever copies zod makes of the lazy: a copy made by .check() or
 * .clone() before the lazy was first read builds its own inner schema, registered under the same id, and the
 * OpenAPI document then refuses two schemas under one id (which copy is made first depends on module load order).
 */
export function lazyOnce<T extends z.ZodMiniType>(build: () => T): z.ZodMiniLazy<T> {
  let built: T | undefined;
  return z.lazy(() => (built ??= build()));
}
