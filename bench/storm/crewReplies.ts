import { seededRandom } from '../../functions/core/planner/random.ts';
import type { Crew } from '../../functions/core/registry/Crew.ts';

/** How a crew answers a tasking (one crew's tasks of one wave). */
export type Behaviour = 'prompt' | 'ack-only' | 'after-resend' | 'cannot' | 'confused' | 'backup-answers' | 'silent';

/**
 * The mix, from what the brief says of real crews: most acknowledge within minutes, some only after the
 * resend, a few cannot go or type something the parser does not know, and some leaders' phones are off
 * (3 a.m.): then the backup answers, or nobody does and the duty officer is told.
 */
const MIX: readonly [Behaviour, number][] = [
  ['prompt', 0.6], ['ack-only', 0.1], ['after-resend', 0.08], ['cannot', 0.04], ['confused', 0.04], ['backup-answers', 0.08], ['silent', 0.06],
];

export interface ScheduledReply {
  /** Simulated time the SMS arrives, ms since the epoch. */
  atMs: number;
  from: string;
  body: string;
  behaviour: Behaviour | 'backup-handoff';
}

const MINUTE = 60_000;

/** FNV-1a: a tasking's own seed, from what is stable across runs (crew, wave, first task code), not from send order. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The replies one tasking gets, seeded by the run's seed and the tasking, timed from its first SMS
 * (`sentAtMs`, simulated). `toBackup`: the leader could not be reached, so the tasking went to the backup
 * at once; the backup answers (or not) instead. Delays lean early, as people answer a ringing phone.
 */
export function scheduleReplies(seed: number, tasking: string, crew: Crew, sentAtMs: number, toBackup: boolean): ScheduledReply[] {
  const random = seededRandom(seed ^ hash(tasking));
  const within = (lo: number, hi: number) => sentAtMs + Math.round((lo + (hi - lo) * random() ** 2) * MINUTE);
  const after = (base: number, lo: number, hi: number) => base + Math.round((lo + (hi - lo) * random()) * MINUTE);
  const ack = () => ['1', ' 1 ', '１', '1 收到', '收到'][Math.floor(random() * 5)]!;
  const leader = crew.leader.phone;
  if (toBackup) {
    return random() < 0.85 ? [{ atMs: within(3, 12), from: crew.backup.phone, body: ack(), behaviour: 'backup-handoff' }] : [];
  }
  let u = random();
  const behaviour = MIX.find(([, share]) => (u -= share) < 0)?.[0] ?? 'silent';
  const reply = (atMs: number, body: string, from = leader): ScheduledReply => ({ atMs, from, body, behaviour });
  switch (behaviour) {
    case 'prompt': {
      const acked = within(1, 9);
      const onSite = after(acked, 20, 50);
      return [reply(acked, ack()), reply(onSite, '2'), ...(random() < 0.5 ? [reply(after(onSite, 60, 150), random() < 0.5 ? '3' : '完成')] : [])];
    }
    case 'ack-only': return [reply(within(2, 9), ack())];
    case 'after-resend': return [reply(within(11, 18), ack())];
    case 'cannot': return [reply(within(2, 8), '9')];
    case 'confused': {
      const asked = within(2, 6);
      return [reply(asked, '车坏了怎么办'), reply(after(asked, 3, 6), '1')];
    }
    case 'backup-answers': return [reply(within(21, 28), ack(), crew.backup.phone)];
    case 'silent': return [];
  }
}
