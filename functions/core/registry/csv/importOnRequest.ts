import type { CoreDeps } from '../../ports/CoreDeps.ts';
import type { RegistryImportStore } from '../../ports/RegistryImportStore.ts';
import { REGISTRY_LOG } from '../editRegistry.ts';
import type { CsvProblem } from './CsvProblem.ts';
import { importRegistryCsv } from './importRegistryCsv.ts';
import type { RegistryKind } from './readRows.ts';
import { readOnlyImportStore } from './readOnlyImportStore.ts';

export interface ImportRequest {
  kind: RegistryKind;
  /** The CSV file's text (UTF-8, header line first). */
  text: string;
  /** Check every row and count what would change, writing nothing. */
  dryRun: boolean;
  /** The administrator, as logged. */
  actor: string;
}

export type ImportOutcome =
  | { ok: true; kind: RegistryKind; rows: number; created: string[]; replaced: string[]; unchanged: number; dryRun: boolean }
  | { ok: false; kind: RegistryKind; problems: CsvProblem[] };

/**
 * An administrator's registry import (the API's): all or nothing, idempotent, every bad cell reported
 * with its line and column. A real import that passes is logged to the registry stream (who, what
 * changed); a dry run and a refused file write nothing at all.
 */
export async function importOnRequest(deps: CoreDeps & { registryImport: RegistryImportStore }, request: ImportRequest): Promise<ImportOutcome> {
  const store = request.dryRun ? readOnlyImportStore(deps.registryImport) : deps.registryImport;
  const result = await importRegistryCsv(store, request.kind, request.text);
  if (!result.ok) return { ok: false, kind: request.kind, problems: result.problems };
  if (!request.dryRun) {
    await deps.log.append({
      activationId: REGISTRY_LOG, at: deps.clock.now().toISOString(), actor: request.actor, action: 'registry.imported', subject: `import:${request.kind}`,
      details: { kind: request.kind, rows: result.rows, created: result.created, replaced: result.changed, unchanged: result.unchanged },
    });
  }
  return { ok: true, kind: request.kind, rows: result.rows, created: result.created, replaced: result.changed, unchanged: result.unchanged, dryRun: request.dryRun };
}
