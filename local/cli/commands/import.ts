import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Command } from 'commander';
import { DynamoRegistryStore } from '../../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import { formatProblems } from '../../../functions/core/registry/csv/CsvProblem.ts';
import { importRegistryCsv } from '../../../functions/core/registry/csv/importRegistryCsv.ts';
import { readOnlyImportStore } from '../../../functions/core/registry/csv/readOnlyImportStore.ts';
import { REGISTRY_KINDS, type RegistryKind } from '../../../functions/core/registry/csv/readRows.ts';
import { LOCAL_AWS } from '../../dynamo/startDynamoLocal.ts';
import { ApiClient } from '../api/ApiClient.ts';
import { CliError } from '../CliError.ts';
import { print, printJson } from '../output.ts';
import { withProgress } from '../progress.ts';

/** Where a running local runtime says its DynamoDB Local and tables are. */
const LOCAL_RUNTIME_FILE = '.snowops/local-runtime.json';

interface Target {
  endpoint?: string;
  table: string;
}

/** --endpoint / --table first, then SNOWOPS_DYNAMODB_ENDPOINT (or AWS_ENDPOINT_URL_DYNAMODB) / REGISTRY_TABLE, then the local runtime's file. */
function resolveTarget(options: { endpoint?: string; table?: string }): Target {
  let runtime: { dynamoEndpoint?: string; tableNames?: Record<string, string> } = {};
  if (existsSync(LOCAL_RUNTIME_FILE)) {
    try {
      runtime = JSON.parse(readFileSync(LOCAL_RUNTIME_FILE, 'utf8')) as typeof runtime;
    } catch (error) {
      throw new CliError(`${LOCAL_RUNTIME_FILE}: unreadable (${error instanceof Error ? error.message : String(error)})`, 2);
    }
  }
  const endpoint = options.endpoint ?? process.env.SNOWOPS_DYNAMODB_ENDPOINT ?? process.env.AWS_ENDPOINT_URL_DYNAMODB ?? runtime.dynamoEndpoint;
  const table = options.table ?? process.env.REGISTRY_TABLE ?? runtime.tableNames?.REGISTRY_TABLE;
  if (!table) throw new CliError('no registry table: pass --table NAME, set REGISTRY_TABLE, or start the local runtime', 2);
  return { ...(endpoint ? { endpoint } : {}), table };
}

interface ImportOptions {
  endpoint?: string;
  table?: string;
  api?: string;
  token?: string;
  dryRun?: boolean;
  json?: boolean;
}

interface ImportSummary {
  kind: string;
  rows: number;
  created: number;
  replaced: number;
  unchanged: number;
  dryRun: boolean;
  ids: { created: string[]; replaced: string[] };
}

function report(name: string, r: ImportSummary, json: boolean | undefined): void {
  if (json) return printJson(r);
  const counts = `${r.created} new, ${r.replaced} changed, ${r.unchanged} unchanged`;
  print(r.dryRun ? `${name}: ${r.rows} ${r.kind} valid; would import ${counts} (dry run: nothing written)` : `${name}: ${r.rows} ${r.kind} valid; ${counts}`);
}

/** Through the API (administrators): the server checks and writes, and logs who imported what. */
async function importViaApi(kind: string, name: string, text: string, options: ImportOptions & { api: string }): Promise<void> {
  const client = new ApiClient(options.api, options.token ?? process.env.SNOWOPS_TOKEN);
  const { body } = await withProgress(`importing ${name}`, client.request<ImportSummary>('POST', `/registry/import/${kind}`, {
    raw: { text, contentType: 'text/csv' }, query: { dryRun: options.dryRun ? 'true' : 'false' }, idempotencyKey: randomUUID(),
  }));
  report(name, body, options.json);
}

/** `snowops import roads|crews|vehicles FILE.csv`: validates every row; imports all or nothing; idempotent. */
export function register(program: Command): void {
  program
    .command('import')
    .description('import registry records from a spreadsheet CSV: every row is checked; on any error nothing is imported')
    .argument('<kind>', `what the file holds: ${REGISTRY_KINDS.join(' | ')}`)
    .argument('<file>', 'a CSV file with a header line (UTF-8)')
    .option('--dry-run', 'check every row and count what would change; write nothing')
    .option('--api <url>', 'import through the API (administrators; token from --token or $SNOWOPS_TOKEN) instead of writing to DynamoDB')
    .option('--token <jwt>', 'bearer token for --api (default $SNOWOPS_TOKEN)')
    .option('--json', 'print the result as JSON, for scripts')
    .option('--endpoint <url>', 'DynamoDB endpoint (DynamoDB Local), e.g. http://127.0.0.1:8000')
    .option('--table <name>', 'the registry table')
    .action(async (kind: string, file: string, options: ImportOptions) => {
      if (!(REGISTRY_KINDS as readonly string[]).includes(kind)) throw new CliError(`unknown kind "${kind}": use ${REGISTRY_KINDS.join(', ')}`, 2);
      const text = await readFile(file, 'utf8').catch((error: Error) => {
        throw new CliError(`${file}: cannot read (${error.message})`, 1);
      });
      if (options.api) return importViaApi(kind, basename(file), text, { ...options, api: options.api });
      const target = resolveTarget(options);
      const local = target.endpoint !== undefined && !process.env.AWS_ACCESS_KEY_ID;
      const client = new DynamoDBClient({ ...(target.endpoint ? { endpoint: target.endpoint } : {}), ...(local ? LOCAL_AWS : {}) });
      try {
        const writable = new DynamoRegistryStore(DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }), target.table);
        const store = options.dryRun ? readOnlyImportStore(writable) : writable;
        const result = await importRegistryCsv(store, kind as RegistryKind, text).catch((error: Error) => {
          throw new CliError(`cannot reach the registry (${target.endpoint ?? 'AWS'}, table ${target.table}): ${error.message}`, 3);
        });
        const name = basename(file);
        if (!result.ok) {
          for (const line of formatProblems(result.problems)) process.stderr.write(`${name}: ${line}\n`);
          const bad = new Set(result.problems.map((p) => p.line)).size;
          throw new CliError(`${name}: nothing imported; ${bad} bad row${bad === 1 ? '' : 's'}`, 1);
        }
        report(name, { kind, rows: result.rows, created: result.created.length, replaced: result.changed.length, unchanged: result.unchanged, dryRun: options.dryRun === true, ids: { created: result.created, replaced: result.changed } }, options.json);
      } finally {
        client.destroy();
      }
    });
}
