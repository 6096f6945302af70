import type { CoreDeps } from '../../ports/CoreDeps.ts';
import type { RegistryImportStore } from '../../ports/RegistryImportStore.ts';
import { REGISTRY_LOG } from '../editRegistry.ts';
import { formatProblems, type CsvProblem } from './CsvProblem.ts';
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

/** Problems quoted in a refused import's log entry (the answer lists them all). */
const LOGGED_PROBLEMS = 5;

/**
 * An administrator's registry import (the API's): all or nothing, idempotent, every bad cell reported
 * with its line and column. Every real import is logged to the registry stream with its outcome:
 * `registry.imported` (what changed), `registry.import-refused` (the file's problems; nothing written)
 * or `registry.import-failed` (the error; nothing written). A dry run writes and logs nothing.
 */
export async function importOnRequest(deps: Pick<CoreDeps, 'log' | 'clock'> & { registryImport: RegistryImportStore }, request: ImportRequest): Promise<ImportOutcome> {
  const store = request.dryRun ? readOnlyImportStore(deps.registryImport) : deps.registryImport;
  const logged = (action: string, details: Record<string, unknown>, reason?: string) => request.dryRun ? Promise.resolve() : deps.log.append({
    activationId: REGISTRY_LOG, at: deps.clock.now().toISOString(), actor: request.actor, action, subject: `import:${request.kind}`,
    details: { kind: request.kind, bytes: request.text.length, ...details }, ...(reason ? { reason } : {}),
  }).then(() => undefined);
  let result;
  try {
    result = await importRegistryCsv(store, request.kind, request.text);
  } catch (error) {
    await logged('registry.import-failed', {}, error instanceof Error ? error.message : String(error));
    throw error;
  }
  if (!result.ok) {
    const badRows = new Set(result.problems.map((p) => p.line)).size;
    await logged('registry.import-refused', { problems: result.problems.length, badRows, first: formatProblems(result.problems.slice(0, LOGGED_PROBLEMS)).map((l) => (l.length > 200 ? `${l.slice(0, 199)}…` : l)) }, 'the file has errors; nothing was written');
    return { ok: false, kind: request.kind, problems: result.problems };
  }
  await logged('registry.imported', { rows: result.rows, created: result.created, replaced: result.changed, unchanged: result.unchanged });
  return { ok: true, kind: request.kind, rows: result.rows, created: result.created, replaced: result.changed, unchanged: result.unchanged, dryRun: request.dryRun };
}
