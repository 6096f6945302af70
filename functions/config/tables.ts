/**
 * The tables, defined once: the CDK stack (lib/) and the local runtime (local/) both build from
 * these, so the keys a Lambda uses locally are the keys it uses in AWS.
 */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

export interface TableDefinition {
  /** Construct id in the stack and suffix of the local table name. */
  id: string;
  /** Environment variable through which a Lambda learns the table's name. */
  envVar: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  indexes: IndexDefinition[];
  timeToLiveAttribute?: string;
  /** The access patterns the keys were designed from. Every Lambda path is a Get or Query. */
  accessPatterns: string[];
}

const pk: KeyAttribute = { name: 'pk', type: 'S' };
const sk: KeyAttribute = { name: 'sk', type: 'S' };

export const REGISTRY_TABLE: TableDefinition = {
  id: 'Registry',
  envVar: 'REGISTRY_TABLE',
  partitionKey: pk,
  sortKey: sk,
  indexes: [],
  accessPatterns: [
    'plan of the city: Get pk=PLAN sk=CURRENT',
    'all zones / roads / crews / vehicles: Query pk=ZONE|ROAD|CREW|VEHICLE',
    'all depots: Query pk=DEPOT',
    'crew by a leader or backup phone (inbound SMS): Get pk=PHONE#<e164> sk=CREW',
  ],
};

export const OPERATIONS_TABLE: TableDefinition = {
  id: 'Operations',
  envVar: 'OPERATIONS_TABLE',
  partitionKey: pk,
  sortKey: sk,
  indexes: [{ indexName: 'byCrew', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } }],
  timeToLiveAttribute: 'expiresAt',
  accessPatterns: [
    'the open activation (one at a time, conditional): Get pk=CURRENT sk=ACTIVATION',
    'an activation: Get pk=ACT#<id> sk=META',
    'tasks / messages of an activation: Query pk=ACT#<id> sk begins_with TASK# | MSG#',
    'open tasks of a crew (inbound replies): Query index byCrew gsi1pk=CREW#<id> (sparse: only open tasks carry it)',
    'booked crews and vehicles: Query pk=LOCK; book with attribute_not_exists(pk) per lock item',
    'a road pass is tasked once per activation: conditional Put pk=ACT#<id> sk=COVER#<road>#<pass>, in the booking transaction',
    'task codes of an activation: Update ADD pk=ACT#<id> sk=TASKSEQ (reserves a block, never repeats)',
    'zone states: Query pk=ZONESTATE',
    'inbound SMS already handled: conditional Put pk=INBOUND#<id> (expires after 7 days)',
  ],
};

export const LOG_TABLE: TableDefinition = {
  id: 'ResponseLog',
  envVar: 'LOG_TABLE',
  partitionKey: { name: 'activationId', type: 'S' },
  sortKey: { name: 'entryId', type: 'S' },
  indexes: [],
  accessPatterns: [
    'append an entry: Put with attribute_not_exists (entryId = time#ulid, never overwritten)',
    'the log of an activation in time order: Query activationId=<id>',
  ],
};

export const IDEMPOTENCY_TABLE: TableDefinition = {
  id: 'Idempotency',
  envVar: 'IDEMPOTENCY_TABLE',
  partitionKey: { name: 'id', type: 'S' },
  indexes: [],
  timeToLiveAttribute: 'expiration',
  accessPatterns: ['Powertools idempotency records: Get / conditional Put / Update by id'],
};

export const ALL_TABLES: TableDefinition[] = [REGISTRY_TABLE, OPERATIONS_TABLE, LOG_TABLE, IDEMPOTENCY_TABLE];
