import type { TaskingCase } from '../escalation/TaskingCase.ts';
import type { Task } from '../operations/Task.ts';
import type { BoardMark } from '../ports/BoardVersion.ts';

/** Of a task, what the board's roads and figures read. */
export type BoardTask = Pick<Task, 'id' | 'roadId' | 'tier' | 'state' | 'laneKm' | 'passableAt' | 'crewId'>;
/** Of a tasking case, what the board's figures read. */
export type BoardCase = Pick<TaskingCase, 'id' | 'step' | 'outcome'> & { recipients: Pick<TaskingCase['recipients'][number], 'outcome'>[] };

/**
 * What the board's roads and figures are worked out from, for one activation, as they stood at `mark` (read
 * before any of them): kept built so that the next reader reads only what changed since, not every task.
 */
export interface BoardSources {
  activationId: string;
  mark: BoardMark;
  tasks: BoardTask[];
  cases: BoardCase[];
  /** Road passes (`<roadId>#<pass>`) reported short. */
  short: string[];
}

export const boardTask = ({ id, roadId, tier, state, laneKm, passableAt, crewId }: Task): BoardTask => ({ id, roadId, tier, state, laneKm, passableAt, crewId });
export const boardCase = ({ id, step, outcome, recipients }: TaskingCase): BoardCase => ({ id, step, ...(outcome ? { outcome } : {}), recipients: recipients.map((r) => ({ outcome: r.outcome })) });
