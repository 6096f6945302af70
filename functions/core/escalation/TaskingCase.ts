import type { ActiveLevel } from '../levels/ResponseLevel.ts';
import type { ReplyAction } from '../replies/ReplyIntent.ts';

/** Where a tasking stands: first SMS to the leader, resent, handed to the backup, up to the duty officer, or closed. */
export type EscalationStep = 'leader' | 'resent' | 'backup' | 'duty-officer' | 'closed';

/** How each person asked ends, as mass-notification systems report it. */
export type RecipientOutcome = 'pending' | 'confirmed' | 'not-confirmed' | 'unreachable';

export interface CaseRecipient {
  role: 'leader' | 'backup';
  outcome: RecipientOutcome;
  at: string;
  /** Why unreachable (opted out, invalid number, delivery failed). */
  reason?: string;
  /** What their confirming reply said. */
  response?: ReplyAction;
}

/**
 * One tasking (one crew's tasks of one dispatch wave) followed until someone confirms it.
 * It sits in the due index while `dueAt` is set; the escalator's sweep reads it from there.
 */
export interface TaskingCase {
  id: string;
  activationId: string;
  crewId: string;
  wave: number;
  level: ActiveLevel;
  taskIds: string[];
  taskCodes: string[];
  step: EscalationStep;
  /** SMS sent (or tried) to the crew for this tasking so far; attempt n has key `<id>#a<n>`. */
  attempts: number;
  dueAt: string | null;
  recipients: CaseRecipient[];
  outcome?: 'confirmed' | 'cannot' | 'escalated' | 'closed';
  openedAt: string;
  updatedAt: string;
  /** Optimistic lock: every save expects the version it read. */
  version: number;
}

/** The id of a tasking: its activation, crew, wave and first task code (stable across retries). */
export function taskingId(activationId: string, crewId: string, wave: number, firstCode: string): string {
  return `${crewTaskingPrefix(activationId, crewId)}w${wave}#${firstCode}`;
}

/** What the id of every tasking of one crew in one activation begins with. */
export function crewTaskingPrefix(activationId: string, crewId: string): string {
  return `${activationId}#${crewId}#`;
}

/** The exactly-once key (and message id) of a tasking's n-th SMS. */
export function attemptKey(caseId: string, attempt: number): string {
  return `${caseId}#a${attempt}`;
}
