import * as z from 'zod';

/** RFC 9457 problem details, as every error of this API is answered. */
export const problemSchema = z.object({
  type: z.string().describe('urn:snowops:problem:<slug>, e.g. urn:snowops:problem:validation'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().describe('what went wrong and what to do about it'),
  instance: z.string().optional(),
  errors: z.array(z.object({
    in: z.enum(['body', 'query', 'path', 'header']),
    field: z.string().describe('dotted path of the field, e.g. zoneLevels.jiefang'),
    detail: z.string(),
    line: z.number().int().optional().describe('for a problem in an uploaded file: its line'),
    column: z.string().optional().describe('for a problem in an uploaded file: the column\'s header name ("-" for the row as a whole)'),
  })).optional().describe('every invalid field, for validation problems'),
}).catchall(z.unknown()).meta({ id: 'Problem' });
