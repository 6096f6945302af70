import * as z from '../../../../config/zod.ts';
import { formatProblems } from '../../../../core/registry/csv/CsvProblem.ts';
import { importOnRequest } from '../../../../core/registry/csv/importOnRequest.ts';
import { REGISTRY_KINDS } from '../../../../core/registry/csv/readRows.ts';
import { ADMINS } from '../../auth/access.ts';
import { json } from '../../http/ApiResponse.ts';
import { ProblemError } from '../../http/ProblemError.ts';
import { defineRoute } from '../../http/RouteDefinition.ts';
import { problemSchema } from '../../schemas/problem.ts';

/** A spreadsheet of a few thousand rows fits easily; API Gateway and Lambda take far more. */
export const MAX_CSV_BYTES = 1024 * 1024;

export const importParamsSchema = z.lazy(() => z.object({
  kind: z.enum(REGISTRY_KINDS as unknown as ['roads', 'crews', 'vehicles'], { error: `kind must be one of ${REGISTRY_KINDS.join(', ')}` }).check(z.describe('what the file holds')),
}));

export const importQuerySchema = z.lazy(() => z.strictObject({
  dryRun: z.pipe(z._default(z.enum(['true', 'false'], { error: 'dryRun must be true or false' }), 'false'), z.transform((v) => v === 'true')).check(z.describe('true: check every row and count what would change, writing nothing')),
}));

export const importResultSchema = z.lazy(() => z.object({
  kind: z.enum(REGISTRY_KINDS as unknown as ['roads', 'crews', 'vehicles']),
  rows: z.number().check(z.int(), z.describe('records in the file')),
  created: z.number().check(z.int(), z.describe('new records (written, or that would be on a dry run)')),
  replaced: z.number().check(z.int(), z.describe('records whose content changed')),
  unchanged: z.number().check(z.int(), z.describe('records already in the registry as they are in the file')),
  dryRun: z.boolean(),
  ids: z.object({ created: z.array(z.string()), replaced: z.array(z.string()) }),
}).register(z.globalRegistry, { id: 'ImportResult' }));

export const importCsvRoute = defineRoute({
  method: 'POST', path: '/registry/import/{kind}', operationId: 'importRegistryCsv', tag: 'registry', access: ADMINS, idempotent: true,
  summary: 'Import registry records from CSV',
  description: 'The spreadsheet as CSV text (UTF-8, header line first; the column names are in the README). Every row is checked: known zones and depots, unique ids, one crew per phone. All or nothing: on any error nothing is written and every bad cell is listed with its line and column. Only new or changed records are written, so importing the same file again changes nothing. `dryRun=true` checks and counts without writing.',
  params: importParamsSchema,
  query: importQuerySchema,
  body: z.lazy(() => z.string().check(z.describe('the CSV file'))),
  bodyType: 'text/csv',
  maxBodyBytes: MAX_CSV_BYTES,
  responses: {
    200: { description: 'imported (or checked, on a dry run)', schema: importResultSchema },
    422: { description: 'the file has errors; nothing was written. `errors` lists each bad cell with its line, column and what is wrong', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ deps, params, query, body, principal }) => {
    const outcome = await importOnRequest(deps, { kind: params.kind, text: body, dryRun: query.dryRun, actor: principal.username });
    if (!outcome.ok) {
      const badRows = new Set(outcome.problems.map((p) => p.line)).size;
      const [first] = formatProblems(outcome.problems);
      throw new ProblemError(422, 'invalid-csv', 'The file has errors', `nothing was imported: ${badRows} bad row${badRows === 1 ? '' : 's'}; fix them and send the whole file again. First: ${first}`, {
        errors: outcome.problems.map((p) => ({ in: 'body' as const, field: p.column === '-' ? `line ${p.line}` : `line ${p.line}, ${p.column}`, line: p.line, column: p.column, detail: p.reason })),
      });
    }
    return json(200, {
      kind: outcome.kind, rows: outcome.rows, created: outcome.created.length, replaced: outcome.replaced.length, unchanged: outcome.unchanged, dryRun: outcome.dryRun,
      ids: { created: outcome.created, replaced: outcome.replaced },
    });
  },
});
