/**
 * The item keys of the operations table (OPERATIONS_TABLE in tables.ts, whose access patterns they serve),
 * in one place: every DynamoDB adapter of the storm's ports builds its keys here.
 */
export type LockKind = 'CREW' | 'VEHICLE';

/** How many items the board version is spread over. */
export const BOARD_VERSION_SHARDS = 8;

/** Partitions that hold one kind of item each. */
export const PARTITION = {
  zoneStates: 'ZONESTATE',
  activationIndex: 'ACTIVATIONS',
  locks: 'LOCK',
  /** The byDue index's one partition (a city has hundreds of cases at most). */
  due: 'DUE',
  /** The plan kept ready on watch (one per city, written at most once a poll). */
  readyPlan: 'READYPLAN',
} as const;

/** Sort-key prefixes under an activation's partition. */
export const PREFIX = { evidence: 'EVIDENCE#', task: 'TASK#', message: 'MSG#', taskingCase: 'CASE#', shortfall: 'SHORT#', cover: 'COVER#', readyPlanPart: 'PART#' } as const;

export const activationPartition = (activationId: string) => `ACT#${activationId}`;
export const crewIndexKey = (crewId: string) => `CREW#${crewId}`;

export const operationsKeys = {
  zoneState: (zoneId: string) => ({ pk: PARTITION.zoneStates, sk: zoneId }),
  /** The pointer to the one open activation. */
  openActivation: () => ({ pk: 'CURRENT', sk: 'ACTIVATION' }),
  activation: (id: string) => ({ pk: activationPartition(id), sk: 'META' }),
  /** One run of the evidence an activation was opened on (numbered from 0, zero-padded so that they sort in order). */
  evidence: (activationId: string, run: number) => ({ pk: activationPartition(activationId), sk: `${PREFIX.evidence}${String(run).padStart(4, '0')}` }),
  activationIndex: (openedAt: string, id: string) => ({ pk: PARTITION.activationIndex, sk: `${openedAt}#${id}` }),
  task: (activationId: string, taskId: string) => ({ pk: activationPartition(activationId), sk: `${PREFIX.task}${taskId}` }),
  taskSequence: (activationId: string) => ({ pk: activationPartition(activationId), sk: 'TASKSEQ' }),
  /** A road pass's claim: tasked at most once per activation. */
  cover: (activationId: string, roadId: string, pass: string) => ({ pk: activationPartition(activationId), sk: `${PREFIX.cover}${roadId}#${pass}` }),
  lock: (kind: LockKind, id: string) => ({ pk: PARTITION.locks, sk: `${kind}#${id}` }),
  shortfall: (activationId: string, passKey: string) => ({ pk: activationPartition(activationId), sk: `${PREFIX.shortfall}${passKey}` }),
  message: (activationId: string, id: string) => ({ pk: activationPartition(activationId), sk: `${PREFIX.message}${id}` }),
  taskingCase: (activationId: string, id: string) => ({ pk: activationPartition(activationId), sk: `${PREFIX.taskingCase}${id}` }),
  inbound: (inboundMessageId: string) => ({ pk: `INBOUND#${inboundMessageId}`, sk: 'INBOUND' }),
  optOut: (phone: string) => ({ pk: `OPTOUT#${phone}`, sk: 'OPTOUT' }),
  helpReply: (phone: string) => ({ pk: `HELP#${phone}`, sk: 'HELP' }),
  /** The answers sent to a phone in one rate window (the inbound SMS ids answered; expiring). */
  replyAnswers: (phone: string, windowStart: string) => ({ pk: `ANSWERS#${phone}`, sk: windowStart }),
  /** One shard of the board version (BoardVersion), each its own partition so that bumps spread. */
  boardVersion: (shard: number) => ({ pk: `BOARDVERSION#${shard}`, sk: 'VERSION' }),
  /** A road being deleted (or just deleted): every booking on the road checks it is absent or expired. One partition per road. */
  roadRetirement: (roadId: string) => ({ pk: `RETIRING#${roadId}`, sk: 'ROAD' }),
  /** The plan kept ready on watch: a head naming the current version, and that version's parts (a city's plan is larger than one item). */
  readyPlanHead: () => ({ pk: PARTITION.readyPlan, sk: 'HEAD' }),
  readyPlanPart: (version: string, index: number) => ({ pk: PARTITION.readyPlan, sk: `${PREFIX.readyPlanPart}${version}#${String(index).padStart(4, '0')}` }),
};
