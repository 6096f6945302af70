import * as z from 'zod';
import { ACTIVE_LEVELS, RESPONSE_LEVELS } from '../../../core/levels/ResponseLevel.ts';

/** IV (lowest, blue) … I (highest, red). */
export const activeLevelSchema = z.enum(ACTIVE_LEVELS as unknown as ['IV', 'III', 'II', 'I'], {
  error: 'level must be one of IV, III, II, I (IV is the lowest, blue; I the highest, red)',
}).meta({ id: 'ActiveLevel', description: 'Response level: IV (blue, lowest) … I (red, highest)' });

export const responseLevelSchema = z.enum(RESPONSE_LEVELS, {
  error: 'a zone level must be one of none, IV, III, II, I',
}).meta({ id: 'ResponseLevel', description: 'none, or a response level IV … I' });

/** Why a decision was taken: it goes into the response log, so it must say something. */
export const reasonSchema = z.string({ error: 'reason must be text' })
  .trim()
  .min(3, 'give a reason the response log can show (at least 3 characters), e.g. "CMA orange warning, 12 mm in 6 h"')
  .max(500, 'keep the reason under 500 characters; put long notes in the incident file');

export const zoneLevelsSchema = z.record(z.string().min(1).max(64), responseLevelSchema)
  .refine((r) => Object.keys(r).length <= 200, 'at most 200 zones')
  .describe('level per zone id; zones left out are at "none"');

/** An activation id, or "current" for the open one. */
export const activationIdParamsSchema = z.object({
  activationId: z.string().min(1).max(80).regex(/^[A-Za-z0-9_-]+$/, 'an activation id has letters, digits, "-" and "_" only (or use "current")')
    .describe('an activation id such as act-01J…, or "current" for the open activation'),
});

/** Non-negative whole numbers from a query string. */
export const queryInt = (min: number, max: number, fallback: number) =>
  z.coerce.number({ error: `must be a whole number from ${min} to ${max}` }).int(`must be a whole number from ${min} to ${max}`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).default(fallback);

/** A UTC instant in a query string, normalised to ISO with milliseconds (the log's own format). */
export const queryInstant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time, e.g. 2026-12-14T08:00:00Z')
  .transform((s) => new Date(s).toISOString());
