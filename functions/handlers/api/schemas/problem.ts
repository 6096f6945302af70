import * as z from '../../../config/zod.ts';
import { lazyOnce } from './lazyOnce.ts';
import { reasonCodeSchema } from './reasonCode.ts';

/** RFC 9457 problem details, as every error of this API is answered. */
export const problemSchema = lazyOnce(() => z.catchall(z.object({
  type: z.string().check(z.describe('urn:snowops:problem:<slug>, e.g. urn:snowops:problem:validation')),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.string().check(z.describe('what went wrong and what to do about it')),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(z.object({
    in: z.enum(['body', 'query', 'path', 'header']),
    field: z.string().check(z.describe('dotted path of the field, e.g. zoneLevels.jiefang')),
    detail: z.string(),
    line: z.optional(z.number().check(z.int())).check(z.describe('for a problem in an uploaded file: its line')),
    column: z.optional(z.string()).check(z.describe('for a problem in an uploaded file: the column\'s header name ("-" for the row as a whole)')),
  }))).check(z.describe('every invalid field, for validation problems')),
  reasonCode: z.optional(reasonCodeSchema).check(z.describe('the detail as a code and its parameters (a refusal for want of a group), for a client to say in its own language')),
}), z.unknown()).register(z.globalRegistry, { id: 'Problem' }));
