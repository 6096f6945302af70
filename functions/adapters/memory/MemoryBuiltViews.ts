import type { BuiltView, BuiltViews, ViewName } from '../../core/ports/BuiltViews.ts';
import { copy, type OperationsMemory } from './OperationsMemory.ts';

/** The in-memory twin of DynamoBuiltViews (held to the same contract suite). */
export class MemoryBuiltViews implements BuiltViews {
  constructor(private readonly memory: OperationsMemory) {}

  async getView<T>(name: ViewName, version: string): Promise<BuiltView<T> | undefined> {
    const kept = this.memory.views.get(name);
    return kept?.version === version ? copy(kept.view as BuiltView<T>) : undefined;
  }

  async getLatestView<T>(name: ViewName): Promise<{ version: string; view: BuiltView<T> } | undefined> {
    const kept = this.memory.views.get(name);
    return kept ? { version: kept.version, view: copy(kept.view as BuiltView<T>) } : undefined;
  }

  async putView(name: ViewName, version: string, view: BuiltView<unknown>): Promise<void> {
    this.memory.views.set(name, { version, view: copy(view) });
  }
}
