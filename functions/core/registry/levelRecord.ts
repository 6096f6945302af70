import * as z from '../../config/zod.ts';

/** A value per active response level, each optional: `{ "I": …, "II": … }`. */
export function levelRecord<T extends z.ZodMiniType>(value: T) {
  return z.strictObject({ IV: z.optional(value), III: z.optional(value), II: z.optional(value), I: z.optional(value) });
}
