import * as z from '../../config/zod.ts';

/** A response level a rule can give: IV (lowest) … I (highest). */
export const activeLevelSchema = z.enum(['IV', 'III', 'II', 'I']);
