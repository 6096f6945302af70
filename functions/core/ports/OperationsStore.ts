import type { Activation } from '../operations/Activation.ts';
import type { SmsMessage } from '../operations/SmsMessage.ts';
import type { Task, TaskState } from '../operations/Task.ts';
import type { ZoneState } from '../operations/ZoneState.ts';

export type BookingResult = { ok: true } | { ok: false; reason: string };

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
}

/** Activations, tasks, bookings and messages: the state of a storm. */
export interface OperationsStore {
  getZoneStates(): Promise<ZoneState[]>;
  putZoneState(state: ZoneState): Promise<void>;
  getOpenActivation(): Promise<Activation | undefined>;
  getActivation(id: string): Promise<Activation | undefined>;
  /** Opens an activation unless one is open already; exactly one of racing callers wins. */
  createActivation(activation: Activation): Promise<'created' | 'exists'>;
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
  listTasks(activationId: string): Promise<Task[]>;
  listOpenTasksForCrew(crewId: string): Promise<Task[]>;
  /** Moves a task from one state to another; false when it was no longer in `from`. A task that closes frees its crew and vehicle once they have no open task left. */
  transitionTask(task: Task, from: TaskState, to: TaskState, at: string): Promise<boolean>;
  /** Records a message before it is sent; 'exists' means someone already claimed it. */
  claimMessage(message: SmsMessage): Promise<'claimed' | 'exists'>;
  completeMessage(message: SmsMessage): Promise<void>;
  listMessages(activationId: string): Promise<SmsMessage[]>;
  /** Records an inbound SMS id; false when it was seen before (a duplicate delivery). */
  claimInbound(inboundMessageId: string, at: string): Promise<boolean>;
}
