import type { TaskingCase } from '../../core/escalation/TaskingCase.ts';
import type { Activation } from '../../core/operations/Activation.ts';
import type { ReadyPlan } from '../../core/operations/ReadyPlan.ts';
import type { SmsMessage } from '../../core/operations/SmsMessage.ts';
import type { Task } from '../../core/operations/Task.ts';
import type { ZoneState } from '../../core/operations/ZoneState.ts';
import type { Evidence } from '../../core/triggers/Evidence.ts';
import type { InboundNote } from '../../core/ports/InboundClaims.ts';
import type { BoardChange } from '../../core/ports/BoardVersion.ts';

/** A crew's or a vehicle's booking: the team holding it and how many open tasks keep it held. */
export interface MemoryLock {
  activationId: string;
  crewId: string;
  vehicleId: string;
  openTasks: number;
  complete: boolean;
  bookedAt: string;
}

/** A road's deletion mark: every booking on the road is refused until `until`. */
export interface MemoryRoadMark {
  phase: 'retiring' | 'retired';
  until: string;
  writeId?: string;
}

/** An inbound claim; an update before any claim (as DynamoDB's) leaves one without a time or state. */
export interface MemoryInbound {
  at?: string;
  state?: 'received' | 'released' | 'handled';
  note?: InboundNote;
  writeId?: string;
}

/**
 * The storm's state in memory, shared by the in-memory twins of the operations ports as the DynamoDB
 * adapters share the operations table. Values are copied in and out (as a database does), and every
 * write is applied whole before any await, so each twin method is atomic as a DynamoDB transaction is.
 */
export class OperationsMemory {
  readonly zoneStates = new Map<string, ZoneState>();
  readonly activations = new Map<string, Activation & { writeId?: string }>();
  /** The evidence each activation was opened on. */
  readonly evidence = new Map<string, Evidence[]>();
  openActivationId: string | undefined;
  readonly activationIndex: { openedAt: string; id: string }[] = [];
  /** Tasks by activation, then id. */
  readonly tasks = new Map<string, Map<string, Task & { writeId?: string }>>();
  readonly taskSequences = new Map<string, number>();
  /** `<activation>#<road>#<pass>` -> the task holding the road pass. */
  readonly covers = new Map<string, string>();
  /** `CREW#<id>` | `VEHICLE#<id>` -> its lock. */
  readonly locks = new Map<string, MemoryLock>();
  readonly shortfalls = new Map<string, Set<string>>();
  /** `<activation>#<id>` -> the SMS record. */
  readonly messages = new Map<string, SmsMessage & { writeId?: string }>();
  /** `<activation>#<id>` -> the case. */
  readonly cases = new Map<string, TaskingCase & { writeId?: string }>();
  readonly inbound = new Map<string, MemoryInbound>();
  readonly optOuts = new Map<string, string>();
  readonly helpReplies = new Map<string, { at: string; writeId: string }>();
  /** Inbound SMS answered per phone and rate window (`<phone>#<window start>`). */
  readonly replyAnswers = new Map<string, Set<string>>();
  /** The board version's changes (BoardVersion), one per bump: the version is how many there are. */
  readonly boardChanges: BoardChange[] = [];
  /** Roads being deleted or just deleted, by road id (the deletion's token as the write id). */
  readonly roadRetirements = new Map<string, MemoryRoadMark>();
  /** The plan kept ready while zones are on watch (ReadyPlans). */
  readyPlan: ReadyPlan | undefined;
  /** Views kept built (BuiltViews), by name: the version each was built for, and the view. */
  readonly views = new Map<string, { version: string; view: { value: unknown; builtAt: string } }>();
  private resendNext = false;

  /**
   * The twin of a write that landed and whose answer was lost: the next conditional write is applied,
   * then sent again with the same write id (as the SDK resends), and the caller gets the second answer.
   */
  landNextWriteThenResend(): void {
    this.resendNext = true;
  }

  /**
   * One conditional write, as DynamoDB's: `apply` runs when `holds` is true of the stored value; a refused
   * write whose stored value carries this write's id landed on an earlier try and counts as written.
   */
  writeIf<T extends { writeId?: string }>(stored: () => T | undefined, holds: (current: T | undefined) => boolean, apply: (writeId: string | undefined) => void, writeId?: string): 'written' | 'refused' {
    const once = (): 'written' | 'refused' => {
      const current = stored();
      if (holds(current)) {
        apply(writeId);
        return 'written';
      }
      return writeId !== undefined && current?.writeId === writeId ? 'written' : 'refused';
    };
    if (!this.resendNext) return once();
    this.resendNext = false;
    once();
    return once();
  }

  tasksOf(activationId: string): Map<string, Task & { writeId?: string }> {
    let tasks = this.tasks.get(activationId);
    if (!tasks) this.tasks.set(activationId, (tasks = new Map()));
    return tasks;
  }
}

/** A copy, as a database hands out: no caller shares an object with the store. */
export const copy = <T>(value: T): T => structuredClone(value);

/** The domain record without the write id the store keeps beside it. */
export function record<T extends { writeId?: string }>(value: T): Omit<T, 'writeId'> {
  const { writeId: _w, ...rest } = copy(value);
  return rest;
}

/** Items in the order of their ids, as DynamoDB returns a partition's items in sort-key order. */
export const byId = <T extends { id: string }>(items: Iterable<T>): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
