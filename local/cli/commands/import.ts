import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Command } from 'commander';
import { DynamoRegistryStore } from '../../../functions/adapters/dynamo/DynamoRegistryStore.ts';
import { formatProblems } from '../../../functions/core/registry/csv/CsvProblem.ts';
import { importRegistryCsv } from '../../../functions/core/registry/csv/importRegistryCsv.ts';
import { REGISTRY_KINDS, type RegistryKind } from '../../../functions/core/registry/csv/readRows.ts';
import { LOCAL_AWS } from '../../dynamo/startDynamoLocal.ts';
import { CliError } from '../CliError.ts';

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

/** `snowops import roads|crews|vehicles FILE.csv`: validates every row; imports all or nothing; idempotent. */
export function register(program: Command): void {
  program
    .command('import')
    .description('import registry records from a spreadsheet CSV: every row is checked; on any error nothing is imported')
    .argument('<kind>', `what the file holds: ${REGISTRY_KINDS.join(' | ')}`)
    .argument('<file>', 'a CSV file with a header line (UTF-8)')
    .option('--endpoint <url>', 'DynamoDB endpoint (DynamoDB Local), e.g. http://127.0.0.1:8000')
    .option('--table <name>', 'the registry table')
    .action(async (kind: string, file: string, options: { endpoint?: string; table?: string }) => {
      if (!(REGISTRY_KINDS as readonly string[]).includes(kind)) throw new CliError(`unknown kind "${kind}": use ${REGISTRY_KINDS.join(', ')}`, 2);
      const text = await readFile(file, 'utf8').catch((error: Error) => {
        throw new CliError(`${file}: cannot read (${error.message})`, 1);
      });
      const target = resolveTarget(options);
      const local = target.endpoint !== undefined && !process.env.AWS_ACCESS_KEY_ID;
      const client = new DynamoDBClient({ ...(target.endpoint ? { endpoint: target.endpoint } : {}), ...(local ? LOCAL_AWS : {}) });
      try {
        const store = new DynamoRegistryStore(DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }), target.table);
        const result = await importRegistryCsv(store, kind as RegistryKind, text).catch((error: Error) => {
          throw new CliError(`cannot reach the registry (${target.endpoint ?? 'AWS'}, table ${target.table}): ${error.message}`, 3);
        });
        const name = basename(file);
        if (!result.ok) {
          for (const line of formatProblems(result.problems)) process.stderr.write(`${name}: ${line}\n`);
          const bad = new Set(result.problems.map((p) => p.line)).size;
          throw new CliError(`${name}: nothing imported; ${bad} bad row${bad === 1 ? '' : 's'}`, 1);
        }
        process.stdout.write(`${name}: ${result.rows} ${kind} valid; ${result.created.length} new, ${result.changed.length} changed, ${result.unchanged} unchanged\n`);
      } finally {
        client.destroy();
      }
    });
}
