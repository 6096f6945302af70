import type { ActiveLevel } from '../levels/ResponseLevel.ts';
import type { Task } from '../operations/Task.ts';
import type { Language } from '../registry/Language.ts';
import { renderTasking, type RenderedSms, type TaskingVariant } from './renderTasking.ts';

export interface TaskingMessage extends RenderedSms {
  /** The codes of the tasks this message names, in order. */
  taskCodes: string[];
}

/** A tasking as the messages that carry it, in order; `abbreviated` when names were shortened to fit. */
export interface RenderedTasking {
  messages: TaskingMessage[];
  abbreviated: boolean;
}

interface TaskingArgs {
  language: Language;
  level: ActiveLevel;
  tasks: readonly Task[];
  timeZone: string;
  segmentCap: number;
  variant?: TaskingVariant;
  signature?: string;
}

/** Names are cut to this many characters at most (then to fewer) when a single task would not fit. */
const LONGEST_NAME = 40;
/** The widest part marker a tasking can need: parts are packed with it, then numbered for real. */
const WIDEST_MARKER = '(99/99)';

function cut(name: string, max: number): string {
  const chars = [...name];
  return chars.length <= max ? name : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/**
 * One leader's tasking within the plan's segment cap, from the catalogue's tasking templates: whole in one
 * message when it fits; otherwise its tasks are split over messages in order, the first task line of each
 * marked (1/n), each with the header and the reply legend; and when even one task alone would not fit,
 * road, vehicle, depot and leader names are shortened (…) until it does. Concatenated SMS arrive out of
 * order and every segment costs: a bounded message of its own for each part is both cheaper and clearer.
 */
export function renderTaskingMessages(args: TaskingArgs): RenderedTasking {
  const tasks = [...args.tasks].sort((a, b) => a.sequence - b.sequence);
  if (tasks.length === 0) throw new Error('a tasking needs at least one task');
  for (let longest = LONGEST_NAME; ; longest = Math.max(1, Math.floor(longest * 0.7))) {
    const messages = pack(args, tasks, longest, longest === 1);
    if (messages) return { messages, abbreviated: needsCut(args, tasks, longest) };
  }
}

function needsCut(args: TaskingArgs, tasks: readonly Task[], max: number): boolean {
  const names = [...tasks.flatMap((t) => [t.roadName, t.vehicleLabel, t.depot]), ...(args.variant?.kind === 'backup' ? [args.variant.leaderName] : [])];
  return names.some((n) => [...n].length > max);
}

/** Packs tasks into messages of at most the cap, names cut to `longest`; undefined when one task alone does not fit (unless `force`). */
function pack(args: TaskingArgs, tasks: readonly Task[], longest: number, force: boolean): TaskingMessage[] | undefined {
  const variant = args.variant?.kind === 'backup' ? { kind: 'backup' as const, leaderName: cut(args.variant.leaderName, longest) } : args.variant;
  const shortened = tasks.map((t) => ({ ...t, roadName: cut(t.roadName, longest), vehicleLabel: cut(t.vehicleLabel, longest), depot: cut(t.depot, longest) }));
  const render = (group: readonly Task[], marker: string): TaskingMessage => {
    const marked = marker === '' ? group : [{ ...group[0]!, code: `${marker} ${group[0]!.code}` }, ...group.slice(1)];
    return { ...renderTasking({ language: args.language, level: args.level, tasks: marked, timeZone: args.timeZone, signature: args.signature, ...(variant ? { variant } : {}) }), taskCodes: group.map((t) => t.code) };
  };
  const whole = render(shortened, '');
  if (whole.segments <= args.segmentCap) return [whole];
  const groups: Task[][] = [];
  let current: Task[] = [];
  for (const task of shortened) {
    const tried = [...current, task];
    if (render(tried, WIDEST_MARKER).segments <= args.segmentCap) { current = tried; continue; }
    if (current.length === 0) {
      if (!force) return undefined;
      groups.push([task]);
      continue;
    }
    groups.push(current);
    current = [task];
    if (render(current, WIDEST_MARKER).segments > args.segmentCap && !force) return undefined;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group, i) => render(group, `(${i + 1}/${groups.length})`));
}
