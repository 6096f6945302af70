import * as z from '../../../config/zod.ts';
import { ACTIVE_LEVELS, RESPONSE_LEVELS } from '../../../core/levels/ResponseLevel.ts';
import { boundedProse } from '../../../core/registry/boundedText.ts';

/** IV (lowest, blue) … I (highest, red). */
export const activeLevelSchema = z.enum(ACTIVE_LEVELS as unknown as ['IV', 'III', 'II', 'I'], {
  error: 'level must be one of IV, III, II, I (IV is the lowest, blue; I the highest, red)',
}).register(z.globalRegistry, { id: 'ActiveLevel', description: 'Response level: IV (blue, lowest) … I (red, highest)' });

export const responseLevelSchema = z.enum(RESPONSE_LEVELS, {
  error: 'a zone level must be one of none, IV, III, II, I',
}).register(z.globalRegistry, { id: 'ResponseLevel', description: 'none, or a response level IV … I' });

/** Why a decision was taken: it goes into the response log, so it must say something. */
export const reasonSchema = z.lazy(() => boundedProse(3, 500, { type: 'reason must be text', min: 'give a reason the response log can show (at least 3 characters), e.g. "CMA orange warning, 12 mm in 6 h"', max: 'keep the reason under 500 characters; put long notes in the incident file' }));

export const zoneLevelsSchema = z.lazy(() => z.record(z.string().check(z.minLength(1), z.maxLength(64)), responseLevelSchema).check(z.refine((r) => Object.keys(r).length <= 200, 'at most 200 zones'), z.describe('level per zone id; zones left out are at "none"')));

/** An activation id, or "current" for the open one. */
export const activationIdParamsSchema = z.object({
  activationId: z.string().check(z.minLength(1), z.maxLength(80), z.regex(/^[A-Za-z0-9_-]+$/, 'an activation id has letters, digits, "-" and "_" only (or use "current")'), z.describe('an activation id such as act-01J…, or "current" for the open activation')),
});

/** Non-negative whole numbers from a query string. */
export const queryInt = (min: number, max: number, fallback: number) =>
  z._default(z.coerce.number({ error: `must be a whole number from ${min} to ${max}` }).check(z.int(`must be a whole number from ${min} to ${max}`), z.gte(min, `must be at least ${min}`), z.lte(max, `must be at most ${max}`)), fallback);

/** A UTC instant in a query string, normalised to ISO with milliseconds (the log's own format). */
export const queryInstant = z.lazy(() => z.pipe(z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time, e.g. 2026-12-14T08:00:00Z')), z.transform((s) => new Date(s).toISOString())));
