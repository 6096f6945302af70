import { IDEMPOTENCY_TABLE, LOG_TABLE, OPERATIONS_TABLE, REGISTRY_TABLE } from '../../functions/config/tables.ts';
import type { SnowopsFunction } from '../SnowopsFunction.ts';
import type { SnowopsTables } from '../tables/SnowopsTables.ts';

/**
 * The tables behind handlers/context/buildCoreDeps.ts: the registry is only read by Lambdas (it is
 * written by the import path), operations are storm state, the response log is append-only, and the
 * idempotency table holds the exactly-once records of SMS attempts.
 */
export function grantCoreTables(fn: SnowopsFunction, tables: SnowopsTables): void {
  for (const [definition, access] of [[REGISTRY_TABLE, 'read'], [OPERATIONS_TABLE, 'readWrite'], [LOG_TABLE, 'append'], [IDEMPOTENCY_TABLE, 'readWrite']] as const) {
    fn.grantTable(tables.get(definition), definition.envVar, access);
  }
}
