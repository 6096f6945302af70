import type { TaskingCase } from '../escalation/TaskingCase.ts';
import type { ActiveLevel, ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Activation } from '../operations/Activation.ts';
import type { ActivationRaise } from '../operations/ActivationRaise.ts';
import type { SmsMessage } from '../operations/SmsMessage.ts';
import type { Task, TaskState } from '../operations/Task.ts';
import type { ZoneState } from '../operations/ZoneState.ts';

export type BookingResult = { ok: true } | { ok: false; reason: string };

/** The tasks a reply applies to, noted before they are changed. */
export interface InboundNote {
  activationId: string;
  taskIds: string[];
}

/** A close that holds only while the activation is still at this dispatch wave (not raised meanwhile). */
export interface TransitionGuard {
  wave: number;
}

export type InboundClaim = { status: 'new' } | { status: 'duplicate' } | { status: 'unfinished'; note?: InboundNote };

/** Where a reassigned task goes: another team (crew and vehicle), at a new place in its list. */
export interface TaskMove {
  crewId: string;
  vehicleId: string;
  vehicleLabel: string;
  depot: string;
  sequence: number;
  startBy: string;
  passableAt: string;
  /** The task's state once moved (a moved task is told afresh). */
  state: TaskState;
  /** The target team's open tasks as the caller read them (its place and times were worked out from them); the move is refused if that changed. */
  teamOpenTasks?: number;
}

/** Activations, tasks, bookings and messages: the state of a storm. */
export interface OperationsStore {
  getZoneStates(): Promise<ZoneState[]>;
  putZoneState(state: ZoneState): Promise<void>;
  getOpenActivation(): Promise<Activation | undefined>;
  getActivation(id: string): Promise<Activation | undefined>;
  /** Opens an activation unless one is open already; exactly one of racing callers wins. */
  createActivation(activation: Activation): Promise<'created' | 'exists'>;
  /** Records that the planning of `wave` finished (the activation's plannedWave only goes up). */
  markWavePlanned(activationId: string, wave: number): Promise<void>;
  /** Raises an open activation's level; false when it is no longer open or its wave moved on (someone else raised it). */
  raiseActivation(activationId: string, raise: ActivationRaise, expectedWave: number): Promise<boolean>;
  /**
   * Books a team's crew and vehicle and writes its tasks, all or nothing: refused when the crew or
   * the vehicle is booked, or one of its road passes is already tasked in the activation.
   */
  bookTeam(tasks: Task[]): Promise<BookingResult>;
  /** Removes a team booked by bookTeam (tasks, road-pass claims, locks): the undo of a booking. */
  unbookTeam(tasks: Task[]): Promise<void>;
  /** Undoes team bookings a crashed writer left unfinished before `olderThan`; returns how many. */
  repairIncompleteBookings(olderThan: string): Promise<number>;
  /** Reserves `count` task codes in an activation; returns the first index (codes never repeat). */
  reserveTaskCodes(activationId: string, count: number): Promise<number>;
  /** Moves one open task to another team, keeping every booking invariant; refused on any conflict. */
  reassignTask(task: Task, to: TaskMove, at: string): Promise<BookingResult>;
  /** Closes an activation whose planning failed, so that a retry can open a new one. */
  abandonActivation(activationId: string, at: string, reason: string): Promise<void>;
  /** Crews and vehicles currently booked by any open task. */
  listBusy(): Promise<{ crewIds: Set<string>; vehicleIds: Set<string> }>;
  /** The road passes (`<roadId>#<pass>`) already reported short in an activation's log. */
  listReportedShortfalls(activationId: string): Promise<Set<string>>;
  /** Notes road passes (`<roadId>#<pass>`) as reported short, once their log entries are written. */
  markShortfallsReported(activationId: string, passKeys: readonly string[]): Promise<void>;
  listTasks(activationId: string): Promise<Task[]>;
  /** Some tasks of an activation, by id, in the order asked, as they are now (strongly consistent); ids not found are left out. */
  getTasks(activationId: string, taskIds: readonly string[]): Promise<Task[]>;
  listOpenTasksForCrew(crewId: string): Promise<Task[]>;
  /** Moves a task from one state to another; false when it was no longer in `from`, or no longer with `task`'s team (reassigned meanwhile). A task that closes frees its crew and vehicle once they have no open task left. */
  transitionTask(task: Task, from: TaskState, to: TaskState, at: string, guard?: TransitionGuard): Promise<boolean>;
  /**
   * Closes open tasks (a stand-down, a downgrade), each from the state it was read in, a team's together; returns
   * those closed. A task that moved meanwhile, or left its team, is left as it is; with `guard`, nothing closes
   * once the activation has been raised past the guard's wave. Crews and vehicles are freed as by transitionTask.
   */
  closeTasks(tasks: readonly Task[], to: TaskState, at: string, guard?: TransitionGuard): Promise<Task[]>;
  /** Records a message before it is sent; 'exists' means someone already claimed it. */
  claimMessage(message: SmsMessage): Promise<'claimed' | 'exists'>;
  /** Records how a claimed message ended; false when another run already recorded a known end. */
  completeMessage(message: SmsMessage): Promise<boolean>;
  listMessages(activationId: string): Promise<SmsMessage[]>;
  /**
   * Records an inbound SMS id before it is handled. 'new' the first time; 'duplicate' once a run has
   * finished it, or while another run is handling it; 'unfinished' when an earlier run gave it up
   * (releaseInbound) or has held it for longer than any run lasts (it died), with what that run had noted,
   * so the retry of the delivery finishes the same work.
   */
  claimInbound(inboundMessageId: string, at: string): Promise<InboundClaim>;
  /** Gives up a claimed inbound SMS whose handling failed, so that the retry of its delivery handles it. */
  releaseInbound(inboundMessageId: string): Promise<void>;
  /** Notes which tasks an inbound SMS is about, before they are changed. */
  noteInbound(inboundMessageId: string, note: InboundNote): Promise<void>;
  /** Marks an inbound SMS handled: any later delivery of it is a duplicate. */
  finishInbound(inboundMessageId: string): Promise<void>;

  // Messaging: one SMS's state, taskings under escalation, opt-outs, help replies.
  getMessage(activationId: string, id: string): Promise<SmsMessage | undefined>;
  /** Opens a tasking's case unless it exists (a retried dispatch finds the one it opened). */
  createTaskingCase(c: TaskingCase): Promise<'created' | 'exists'>;
  getTaskingCase(activationId: string, id: string): Promise<TaskingCase | undefined>;
  /** Saves `c` (whose version is expectedVersion + 1) only if the stored one is still at expectedVersion. */
  saveTaskingCase(c: TaskingCase, expectedVersion: number): Promise<boolean>;
  listTaskingCases(activationId: string): Promise<TaskingCase[]>;
  /** One crew's taskings in an activation (a reply needs no other crew's). */
  listCrewTaskingCases(activationId: string, crewId: string): Promise<TaskingCase[]>;
  /** Cases whose dueAt is at or before `now`, earliest first, from the due index (no scan). */
  listDueTaskingCases(now: string, limit: number): Promise<TaskingCase[]>;
  /** A leader texted STOP: their number is not sent to again until an administrator clears it. */
  recordOptOut(phone: string, at: string): Promise<void>;
  isOptedOut(phone: string): Promise<boolean>;
  /**
   * True (and recorded) when no help SMS went to this phone within the window: unknown replies get help once.
   * `forMessage` is the inbound SMS being answered: a retry of that same SMS finds its own claim and gets true again.
   */
  claimHelpReply(phone: string, at: string, windowMinutes: number, forMessage: string): Promise<boolean>;
  /**
   * Closes an open activation and clears the open pointer, in one step; 'not-open' when it was
   * already closed (a second stand-down) or does not exist.
   */
  closeActivation(id: string, close: { closedAt: string; closedBy: string; closeReason: string }): Promise<'closed' | 'not-open'>;
  /** Moves an open activation from one level to another; false when it was no longer open at `from`. */
  changeActivationLevel(id: string, from: ActiveLevel, to: ActiveLevel, zoneLevels: Record<string, ResponseLevel>): Promise<boolean>;
  /** The most recent activations, newest first. */
  listActivations(limit: number): Promise<Activation[]>;
}
