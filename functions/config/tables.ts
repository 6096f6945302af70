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
    'all zones / depots: Query pk=ZONE|DEPOT',
    'the current generation of roads / crews / vehicles: Get pk=GENERATION sk=ROAD|CREW|VEHICLE (generation id, revision: writes since it was switched in)',
    'all roads / crews / vehicles: Query pk=ROAD|CREW|VEHICLE (generation \'\', before any import) or pk=ROAD@<generation>|CREW@<generation>|VEHICLE@<generation>',
    'crew by a leader or backup phone (inbound SMS): Get pk=PHONE#<e164> (or PHONE@<generation>#<e164>) sk=CREW',
    'one record (API, admins): Get by sk=<id> in the partition above; every write of a road, crew or vehicle is one transaction with an Update of its GENERATION item conditional on the generation and revision read (writes to a kind are serialised); a crew\'s phone links in the same transaction, conditional on belonging to no other crew, with a check that the plan\'s duty officer has neither phone',
    'an import: the whole kind written to a new generation (BatchWrite), then switched in by one conditional Put of the GENERATION item (the generation and revision it was checked against); the generation before the replaced one is then deleted',
  ],
};

export const OPERATIONS_TABLE: TableDefinition = {
  id: 'Operations',
  envVar: 'OPERATIONS_TABLE',
  partitionKey: pk,
  sortKey: sk,
  indexes: [
    { indexName: 'byCrew', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
    { indexName: 'byDue', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
  ],
  timeToLiveAttribute: 'expiresAt',
  accessPatterns: [
    'the open activation (one at a time, conditional): Get pk=CURRENT sk=ACTIVATION',
    'an activation: Get pk=ACT#<id> sk=META',
    'recent activations, newest first (API, reports): Query pk=ACTIVATIONS (sk=<openedAt>#<id>) descending, then Get each META',
    'stand-down: one transaction updating META (status open -> stood-down) and deleting the CURRENT pointer',
    'tasks / messages of an activation: Query each of its shards at once, pk=ACT#<id>#T#<00..07> | ACT#<id>#M#<00..07> sk begins_with TASK# | MSG# (SHARDS in operationsKeys.ts: a task by its id, a message by its id)',
    'open tasks of a crew (inbound replies): Query index byCrew gsi1pk=CREW#<id> (sparse: only open tasks carry it)',
    'booked crews and vehicles: Query each of pk=LOCK#<00..07> (a lock\'s shard by its crew or vehicle); book with attribute_not_exists(pk) per lock item',
    'a road pass is tasked once per activation: conditional Put pk=ACT#<id>#V#<shard by road> sk=COVER#<road>#<pass>, in the booking transaction',
    'task codes of an activation: Update ADD pk=ACT#<id> sk=TASKSEQ (reserves a block, never repeats)',
    'road passes already reported short in an activation (each logged once however often it is re-planned): Query each pk=ACT#<id>#S#<00..07> sk begins_with SHORT#; BatchWrite pk=ACT#<id>#S#<shard by pass> sk=SHORT#<road>#<pass>',
    'zone states: Query each pk=ZONESTATE#<00..03> (a zone\'s shard by its id)',
    'built views (the city map per registry revision, the board per board version): Query pk=VIEW#city-map|VIEW#board sk begins_with PART#<version tag>#; BatchWrite the gzipped parts, then Put sk=HEAD naming the version, then BatchWrite-delete the parts of the version replaced (TTL expiresAt sweeps any left)',
    'inbound SMS already handled: conditional Put pk=INBOUND#<id> (expires after 7 days)',
    'one SMS (attempt) of an activation: Get pk=ACT#<id>#M#<shard by message id> sk=MSG#<message id>',
    'taskings under escalation: Get / conditional Put (version) pk=ACT#<id>#C#<shard by crew> sk=CASE#<case id>; a crew\'s: Query its shard, sk begins_with CASE#<activation>#<crew>#; all: Query each shard',
    'taskings due for escalation (the escalator sweep): Query index byDue on each gsi2pk=DUE#<00..03> (a case\'s shard by its crew) at once, gsi2sk <= <now>#… (after a page: BETWEEN the last case listed and <now>#…), Limit n each, merged by gsi2sk and cut to n, a page at a time until none is left (sparse: only cases with a due time)',
    'a leader who texted STOP: Get / Put pk=OPTOUT#<e164> sk=OPTOUT',
    'help SMS sent to a phone lately (unknown replies): conditional Put pk=HELP#<e164> sk=HELP (expires)',
    'the board version (a board poll answered 304 without reading tasks): after each write of tasks, bookings, taskings or shortfalls, one transaction moving pk=BOARDVERSION#<0..7> sk=VERSION from n to n+1 (conditional on n; a writer keeps to one shard, each its own partition) and putting sk=CHANGE#<n+1> with what the write touched (expires after a day); BatchGet the 8 counters and sum; the changes between two marks: Query each moved shard, sk BETWEEN CHANGE#<from+1> AND CHANGE#<to>',
    'a road being deleted: conditional Put pk=RETIRING#<road> sk=ROAD (absent or expired), then Update / Delete by its writer; every booking transaction holds a ConditionCheck on it for each of its roads (expires)',
    'the plan kept ready on watch: Get pk=READYPLAN sk=HEAD (conditional Put: never an older plan; Update checkedAt if inputKey matches), its gzipped parts Query sk begins_with PART#<version># (BatchWrite, expires)',
  ],
};

export const LOG_TABLE: TableDefinition = {
  id: 'ResponseLog',
  envVar: 'LOG_TABLE',
  // An activation's entries over 8 partitions (functions/config/logKeys.ts): a province's first wave logs past one partition's 1,000 WCU/s.
  partitionKey: { name: 'logPartition', type: 'S' },
  sortKey: { name: 'entryId', type: 'S' },
  indexes: [],
  accessPatterns: [
    'append an entry: Put logPartition=<activation id>#<00..07 by the entry id\'s unique part> with attribute_not_exists (entryId = time#ulid, never overwritten)',
    'the log of an activation in time order: Query each logPartition=<id>#<00..07> in parallel, merged by entryId',
    'a page of it (API): Query each logPartition=<id>#<shard> [entryId BETWEEN <from> AND <to>] Limit n+1, ExclusiveStartKey at the cursor\'s entry; merged, the first n',
    'the newest entries (the board\'s ticker): Query each logPartition=<id>#<shard> descending, Limit n; merged, the newest n',
    'never Update or Delete: the log is append-only (the API role gets PutItem and Query only)',
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

/** Reports from the public (the 随手拍 loop): their own table, as they hold the reporters' phones and are reached from a public API. */
export const CITIZEN_TABLE: TableDefinition = {
  id: 'CitizenCases',
  envVar: 'CITIZEN_TABLE',
  partitionKey: pk,
  sortKey: sk,
  indexes: [
    { indexName: 'bySubmitted', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
  ],
  timeToLiveAttribute: 'expiresAt',
  accessPatterns: [
    'a case: Get pk=CASE#<id> sk=CASE; every write a Put conditional on the version read (two cases merged in one transaction)',
    'cases submitted in a time range, newest first (Open311 GET /requests, nearby open reports, merge suggestions): Query index bySubmitted gsi1pk=CASES, gsi1sk BETWEEN <from> AND <to> (a city files thousands a season: one partition)',
    'the cases a task serves (a crew reply to it): Query pk=TASK#<activationId>#<taskId> sk begins_with CASE (one item per case, sk=CASE#<caseId>)',
    'the SMS code sent to a phone: Put / Delete pk=CODE#<sha256 of the phone> sk=CODE; a guess is an Update adding 1 to attempts on condition the code is live and has guesses left (expires)',
    'a verified phone\'s pass: Put / Get pk=PASS#<sha256 of the pass> sk=PASS (expires)',
    'a banned reporter\'s number: Put on condition attribute_not_exists / Get pk=BAN#<sha256 of the phone> sk=BAN (kept; the first ban wins)',
    'rate limits (codes per phone, reports per phone and per address): Update ADD taken on condition taken < limit, pk=QUOTA#<key> sk=<window start> (expires)',
  ],
};

export const ALL_TABLES: TableDefinition[] = [REGISTRY_TABLE, OPERATIONS_TABLE, LOG_TABLE, IDEMPOTENCY_TABLE, CITIZEN_TABLE];
