import type { LogEntry } from '../../core/log/LogEntry.ts';
import type { LogPage, LogPageRequest, LoggedEntry } from '../../core/log/LoggedEntry.ts';
import type { IdGenerator } from '../../core/ports/IdGenerator.ts';
import type { ResponseLog } from '../../core/ports/ResponseLog.ts';
import { decodeLogCursor, encodeLogCursor } from '../log/logCursor.ts';

/**
 * The in-memory twin of DynamoResponseLog, held to the same contract suite: append-only, each entry's id
 * is its time then a unique suffix, read in id order, paged with the same cursors.
 */
export class MemoryResponseLog implements ResponseLog {
  private readonly byActivation = new Map<string, LoggedEntry[]>();

  constructor(private readonly ids: IdGenerator) {}

  async append(entry: LogEntry): Promise<void> {
    const entries = this.byActivation.get(entry.activationId) ?? [];
    entries.push(structuredClone({ ...entry, id: `${entry.at}#${this.ids.next()}` }));
    entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.byActivation.set(entry.activationId, entries);
  }

  async list(activationId: string): Promise<LogEntry[]> {
    return (this.byActivation.get(activationId) ?? []).map(({ id: _id, ...e }) => structuredClone(e));
  }

  async page(activationId: string, request: LogPageRequest): Promise<LogPage> {
    const after = request.cursor === undefined ? undefined : decodeLogCursor(request.cursor, activationId);
    // Ids are "<at>#<suffix>": comparing them with bare times keeps [from, to) as the DynamoDB key condition does.
    const inRange = (this.byActivation.get(activationId) ?? []).filter((e) =>
      (after === undefined || e.id > after) && (request.from === undefined || e.id >= request.from) && (request.to === undefined || e.id < request.to));
    const entries = inRange.slice(0, request.limit).map((e) => structuredClone(e));
    const last = entries[entries.length - 1];
    return inRange.length > request.limit && last ? { entries, next: encodeLogCursor(activationId, last.id) } : { entries };
  }

  async latest(activationId: string, count: number): Promise<LoggedEntry[]> {
    return (this.byActivation.get(activationId) ?? []).slice(-count).reverse().map((e) => structuredClone(e));
  }
}
