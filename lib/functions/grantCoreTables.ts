import { LOG_TABLE, OPERATIONS_TABLE, REGISTRY_TABLE } from '../../functions/config/tables.ts';
import type { SnowopsFunction } from '../SnowopsFunction.ts';
import type { SnowopsTables } from '../tables/SnowopsTables.ts';

/**
 * The tables behind handlers/context/buildCoreDeps.ts: the registry is only read by Lambdas (it is
 * written by the import path), operations are storm state, and the response log is append-only.
 */
export function grantCoreTables(fn: SnowopsFunction, tables: SnowopsTables): void {
  for (const [definition, access] of [[REGISTRY_TABLE, 'read'], [OPERATIONS_TABLE, 'readWrite'], [LOG_TABLE, 'append']] as const) {
    fn.grantTable(tables.get(definition), definition.envVar, access);
  }
}
