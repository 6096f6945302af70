import type { TaskingCase } from '../escalation/TaskingCase.ts';
import type { Activation } from '../operations/Activation.ts';
import type { ActivationRaise } from '../operations/ActivationRaise.ts';
import type { SmsMessage } from '../operations/SmsMessage.ts';
import type { Task, TaskState } from '../operations/Task.ts';
import type { ZoneState } from '../operations/ZoneState.ts';

export type BookingResult = { ok: true } | { ok: false; reason: string };

/** Activations, tasks, bookings and messages: the state of a storm. */
export interface OperationsStore {
  getZoneStates(): Promise<ZoneState[]>;
  putZoneState(state: ZoneState): Promise<void>;
  getOpenActivation(): Promise<Activation | undefined>;
  getActivation(id: string): Promise<Activation | undefined>;
  /** Opens an activation unless one is open already; exactly one of racing callers wins. */
  createActivation(activation: Activation): Promise<'created' | 'exists'>;
  /** Raises an open activation's level; false when it is no longer open or its wave moved on (someone else raised it). */
  raiseActivation(activationId: string, raise: ActivationRaise, expectedWave: number): Promise<boolean>;
  /** Books a team's crew and vehicle and writes its tasks, all or nothing. */
  bookTeam(tasks: Task[]): Promise<BookingResult>;
  /** Crews and vehicles currently booked by any open task. */
  listBusy(): Promise<{ crewIds: Set<string>; vehicleIds: Set<string> }>;
  listTasks(activationId: string): Promise<Task[]>;
  listOpenTasksForCrew(crewId: string): Promise<Task[]>;
  /** Moves a task from one state to another; false when it was no longer in `from`. */
  transitionTask(task: Task, from: TaskState, to: TaskState, at: string): Promise<boolean>;
  /** Records a message before it is sent; 'exists' means someone already claimed it. */
  claimMessage(message: SmsMessage): Promise<'claimed' | 'exists'>;
  /** Records how a claimed message ended; false when another run already recorded a known end. */
  completeMessage(message: SmsMessage): Promise<boolean>;
  listMessages(activationId: string): Promise<SmsMessage[]>;
  /** Records an inbound SMS id; false when it was seen before (a duplicate delivery). */
  claimInbound(inboundMessageId: string, at: string): Promise<boolean>;

  // Messaging: one SMS's state, taskings under escalation, opt-outs, help replies.
  getMessage(activationId: string, id: string): Promise<SmsMessage | undefined>;
  /** Opens a tasking's case unless it exists (a retried dispatch finds the one it opened). */
  createTaskingCase(c: TaskingCase): Promise<'created' | 'exists'>;
  getTaskingCase(activationId: string, id: string): Promise<TaskingCase | undefined>;
  /** Saves `c` (whose version is expectedVersion + 1) only if the stored one is still at expectedVersion. */
  saveTaskingCase(c: TaskingCase, expectedVersion: number): Promise<boolean>;
  listTaskingCases(activationId: string): Promise<TaskingCase[]>;
  /** Cases whose dueAt is at or before `now`, earliest first, from the due index (no scan). */
  listDueTaskingCases(now: string, limit: number): Promise<TaskingCase[]>;
  /** A leader texted STOP: their number is not sent to again until an administrator clears it. */
  recordOptOut(phone: string, at: string): Promise<void>;
  isOptedOut(phone: string): Promise<boolean>;
  /** True (and recorded) when no help SMS went to this phone within the window: unknown replies get help once. */
  claimHelpReply(phone: string, at: string, windowMinutes: number): Promise<boolean>;
}
