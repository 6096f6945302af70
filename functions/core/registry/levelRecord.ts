import * as z from 'zod';

/** A value per active response level, each optional: `{ "I": …, "II": … }`. */
export function levelRecord<T extends z.ZodType>(value: T) {
  return z.object({ IV: value.optional(), III: value.optional(), II: value.optional(), I: value.optional() }).strict();
}
