/**
 * The item keys of the operations table (OPERATIONS_TABLE in tables.ts, whose access patterns they serve),
 * in one place: every DynamoDB adapter of the storm's ports builds its keys here.
 */
import { shardOf } from './shardOf.ts';

export type LockKind = 'CREW' | 'VEHICLE';

/** How many items the board version is spread over. */
export const BOARD_VERSION_SHARDS = 8;

/** Partitions that hold one kind of item each (or, sharded below, a family of partitions named `<base>#<shard>`). */
export const PARTITION = {
  zoneStates: 'ZONESTATE',
  activationIndex: 'ACTIVATIONS',
  locks: 'LOCK',
  /** The byDue index: cases with a due time, spread by crew. */
  due: 'DUE',
  /** The plan kept ready on watch (one per city, written at most once a poll). */
  readyPlan: 'READYPLAN',
} as const;

/**
 * How many partitions each busy item kind is spread over (issue 16 item 7): DynamoDB serves at most 1,000 WCU/s
 * and 3,000 RCU/s from one partition key, and a province's first wave at 100 parts/s books ~65,000 tasks in ~4
 * minutes. Each item's shard comes from a stable key (shardOf): a task by its id, a road-pass claim by its road,
 * a tasking case (and its place in the due index) by its crew, an SMS record by its id, a shortfall marker by its
 * pass, a lock by its crew or vehicle, a zone state by its zone. Readers of a whole kind query every shard at
 * once. Changing a count moves items: only with no activation open (nothing deployed holds any today).
 */
export const SHARDS = { task: 8, cover: 8, taskingCase: 8, message: 8, shortfall: 8, lock: 8, zoneState: 4, due: 4 } as const;
export type ShardedKind = keyof typeof SHARDS;
/** The kinds kept under an activation (its META, evidence and task sequence stay in ACT#<id> itself). */
export type ActivationKind = 'task' | 'cover' | 'taskingCase' | 'message' | 'shortfall';

const SHARD_TAG: Record<ActivationKind, string> = { task: 'T', cover: 'V', taskingCase: 'C', message: 'M', shortfall: 'S' };
const shardName = (base: string, shard: number) => `${base}#${String(shard).padStart(2, '0')}`;
const activationShard = (activationId: string, kind: ActivationKind, stableKey: string) => shardName(`${activationPartition(activationId)}#${SHARD_TAG[kind]}`, shardOf(stableKey, SHARDS[kind]));
const every = (base: string, kind: ShardedKind) => Array.from({ length: SHARDS[kind] }, (_, shard) => shardName(base, shard));

/** Every partition of a sharded kind, to read it whole (one Query each, in parallel). */
export const shardPartitions = {
  ofActivation: (activationId: string, kind: ActivationKind) => every(`${activationPartition(activationId)}#${SHARD_TAG[kind]}`, kind),
  locks: () => every(PARTITION.locks, 'lock'),
  zoneStates: () => every(PARTITION.zoneStates, 'zoneState'),
  due: () => every(PARTITION.due, 'due'),
};

/**
 * The crew a tasking case belongs to, from its id (`<activation>#<crew>#…`, crewTaskingPrefix): a crew's cases
 * share one shard, so a reply's read of them is one Query.
 */
function caseCrew(activationId: string, caseId: string): string {
  const rest = caseId.startsWith(`${activationId}#`) ? caseId.slice(activationId.length + 1) : caseId;
  const cut = rest.indexOf('#');
  return cut < 0 ? rest : rest.slice(0, cut);
}

/**
 * How many "open" marks an activation has, each its own partition (ACT#<id>#O#<lane>): every booking checks one
 * (a caller booking several teams at once gives each its own lane), so that concurrent bookings of one
 * activation never hold a common item, on which DynamoDB would cancel all but one (TransactionConflict); closing
 * the activation deletes them all in the transaction that closes it.
 */
export const OPEN_LANES = 8;

/** Sort-key prefixes under an activation's partition. */
export const PREFIX = { evidence: 'EVIDENCE#', task: 'TASK#', message: 'MSG#', taskingCase: 'CASE#', shortfall: 'SHORT#', cover: 'COVER#', readyPlanPart: 'PART#', viewPart: 'PART#', boardChange: 'CHANGE#' } as const;

export const activationPartition = (activationId: string) => `ACT#${activationId}`;
/** The partition of one crew's tasking cases in an activation (its shard of CASE# items). */
export const crewCasePartition = (activationId: string, crewId: string) => activationShard(activationId, 'taskingCase', crewId);
/** A case's key in the byDue index: spread by crew, ordered by due time within each shard. */
export const dueIndexKeys = (crewId: string, dueAt: string, caseId: string) => ({ gsi2pk: shardName(PARTITION.due, shardOf(crewId, SHARDS.due)), gsi2sk: `${dueAt}#${caseId}` });
export const crewIndexKey = (crewId: string) => `CREW#${crewId}`;

export const operationsKeys = {
  zoneState: (zoneId: string) => ({ pk: shardName(PARTITION.zoneStates, shardOf(zoneId, SHARDS.zoneState)), sk: zoneId }),
  /** The pointer to the one open activation. */
  openActivation: () => ({ pk: 'CURRENT', sk: 'ACTIVATION' }),
  activation: (id: string) => ({ pk: activationPartition(id), sk: 'META' }),
  /** One of an activation's open marks (OPEN_LANES): present while it is open. */
  openLane: (id: string, lane: number) => ({ pk: shardName(`${activationPartition(id)}#O`, lane % OPEN_LANES), sk: 'OPEN' }),
  /** One run of the evidence an activation was opened on (numbered from 0, zero-padded so that they sort in order). */
  evidence: (activationId: string, run: number) => ({ pk: activationPartition(activationId), sk: `${PREFIX.evidence}${String(run).padStart(4, '0')}` }),
  activationIndex: (openedAt: string, id: string) => ({ pk: PARTITION.activationIndex, sk: `${openedAt}#${id}` }),
  task: (activationId: string, taskId: string) => ({ pk: activationShard(activationId, 'task', taskId), sk: `${PREFIX.task}${taskId}` }),
  taskSequence: (activationId: string) => ({ pk: activationPartition(activationId), sk: 'TASKSEQ' }),
  /** A road pass's claim: tasked at most once per activation. */
  cover: (activationId: string, roadId: string, pass: string) => ({ pk: activationShard(activationId, 'cover', roadId), sk: `${PREFIX.cover}${roadId}#${pass}` }),
  lock: (kind: LockKind, id: string) => ({ pk: shardName(PARTITION.locks, shardOf(`${kind}#${id}`, SHARDS.lock)), sk: `${kind}#${id}` }),
  shortfall: (activationId: string, passKey: string) => ({ pk: activationShard(activationId, 'shortfall', passKey), sk: `${PREFIX.shortfall}${passKey}` }),
  message: (activationId: string, id: string) => ({ pk: activationShard(activationId, 'message', id), sk: `${PREFIX.message}${id}` }),
  taskingCase: (activationId: string, id: string) => ({ pk: crewCasePartition(activationId, caseCrew(activationId, id)), sk: `${PREFIX.taskingCase}${id}` }),
  inbound: (inboundMessageId: string) => ({ pk: `INBOUND#${inboundMessageId}`, sk: 'INBOUND' }),
  optOut: (phone: string) => ({ pk: `OPTOUT#${phone}`, sk: 'OPTOUT' }),
  helpReply: (phone: string) => ({ pk: `HELP#${phone}`, sk: 'HELP' }),
  /** The answers sent to a phone in one rate window (the inbound SMS ids answered; expiring). */
  replyAnswers: (phone: string, windowStart: string) => ({ pk: `ANSWERS#${phone}`, sk: windowStart }),
  /** One shard of the board version (BoardVersion), each its own partition so that bumps spread. */
  boardVersion: (shard: number) => ({ pk: `BOARDVERSION#${shard}`, sk: 'VERSION' }),
  /** The change the shard's counter was moved to `n` by (numbered from 1, zero-padded so that they sort in order). */
  boardChange: (shard: number, n: number) => ({ pk: `BOARDVERSION#${shard}`, sk: `${PREFIX.boardChange}${String(n).padStart(12, '0')}` }),
  /** A road being deleted (or just deleted): every booking on the road checks it is absent or expired. One partition per road. */
  roadRetirement: (roadId: string) => ({ pk: `RETIRING#${roadId}`, sk: 'ROAD' }),
  /** The plan kept ready on watch: a head naming the current version, and that version's parts (a city's plan is larger than one item). */
  readyPlanHead: () => ({ pk: PARTITION.readyPlan, sk: 'HEAD' }),
  /** A built view (BuiltViews): a head naming the version kept, and that version's parts (a 50,000-road map is larger than one item). */
  viewHead: (name: string) => ({ pk: `VIEW#${name}`, sk: 'HEAD' }),
  viewPart: (name: string, tag: string, index: number) => ({ pk: `VIEW#${name}`, sk: `${PREFIX.viewPart}${tag}#${String(index).padStart(4, '0')}` }),
  readyPlanPart: (version: string, index: number) => ({ pk: PARTITION.readyPlan, sk: `${PREFIX.readyPlanPart}${version}#${String(index).padStart(4, '0')}` }),
};
