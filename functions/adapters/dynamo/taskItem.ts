import { OPEN_TASK_STATES, type Task } from '../../core/operations/Task.ts';
import { crewIndexKey, operationsKeys } from '../../config/operationsKeys.ts';

/** A task as an item: keyed under its activation; open tasks carry the byCrew index keys (a sparse index). */
export function taskItem(t: Task): Record<string, unknown> {
  const open = OPEN_TASK_STATES.includes(t.state);
  return { ...operationsKeys.task(t.activationId, t.id), ...(open ? { gsi1pk: crewIndexKey(t.crewId), gsi1sk: `${t.activationId}#${t.code}` } : {}), ...t };
}
