/**
 * Capacity per partition key, per second of the real clock: DynamoDB serves at most 1,000 WCU/s and 3,000
 * RCU/s from one partition, so the hottest key's peak second is what holds a storm back on real DynamoDB.
 * DynamoDB (Local too) reports consumed capacity per table and index, not per key: a request's units are
 * split evenly over the keys it touched (a transaction's conditions included), and an index query is
 * counted on `<index>:<key>`, a partition of its own.
 */
type AttributeValue = string | { S?: string } | undefined;
type Input = Record<string, any>;

const keyOf = (table: string | undefined, value: AttributeValue, index?: string) => {
  const pk = typeof value === 'string' ? value : value?.S;
  return pk === undefined ? undefined : `${table ?? '?'}${index ? `/${index}` : ''}:${pk}`;
};

/** An item's or key's partition key value, whichever the table names it (tables.ts: pk; the log's logPartition; the idempotency table's id). */
const pkOf = (item: Input | undefined) => (item?.pk ?? item?.logPartition ?? item?.id) as AttributeValue;

/** The partition keys a data-plane request touches, one entry per item (so a key twice in a batch counts twice). */
function partitionsOf(command: string, input: Input): (string | undefined)[] {
  const t = input.TableName as string | undefined;
  switch (command) {
    case 'PutItemCommand': return [keyOf(t, pkOf(input.Item as Input | undefined))];
    case 'GetItemCommand': case 'UpdateItemCommand': case 'DeleteItemCommand': return [keyOf(t, pkOf(input.Key as Input | undefined))];
    case 'QueryCommand': {
      // The partition key's equality is the one `=` of the key condition.
      const placeholder = /(?:^|\s|\()#?\w+\s*=\s*(:\w+)/.exec(String(input.KeyConditionExpression ?? ''))?.[1];
      return [keyOf(t, placeholder ? input.ExpressionAttributeValues?.[placeholder] : undefined, input.IndexName)];
    }
    case 'ScanCommand': return [`${t}:(scan)`];
    case 'BatchWriteItemCommand': return Object.entries(input.RequestItems ?? {}).flatMap(([table, requests]) => (requests as Input[]).map((r) => keyOf(table, pkOf((r.PutRequest?.Item ?? r.DeleteRequest?.Key) as Input | undefined))));
    case 'BatchGetItemCommand': return Object.entries(input.RequestItems ?? {}).flatMap(([table, request]) => ((request as Input).Keys as Input[]).map((k) => keyOf(table, pkOf(k))));
    case 'TransactWriteItemsCommand': case 'TransactGetItemsCommand':
      return (input.TransactItems as Input[]).map((i) => {
        const op = (i.Put ?? i.Update ?? i.Delete ?? i.ConditionCheck ?? i.Get) as Input;
        return keyOf(op.TableName, pkOf((op.Item ?? op.Key) as Input | undefined));
      });
    default: return [];
  }
}

export interface PartitionPeak { key: string; unitsPerSecond: number; second: number }

type Units = { r: Map<string, number>; w: Map<string, number> };

export class PartitionMeter {
  /** `<r|w> <key>` -> second since start -> units. */
  private readonly bySecond = new Map<string, Map<number, number>>();
  private readonly totals: Units = { r: new Map(), w: new Map() };
  /** Units per key within each stretch of the storm (enterPhase), to be turned into rates at a pace of the bench's choosing. */
  private readonly phases = new Map<string, Units>();
  private phase: Units | undefined;
  private readonly started = performance.now();

  /** From now on, units are also counted under `name` (until the next phase, or none). */
  enterPhase(name: string | undefined): void {
    if (name === undefined) { this.phase = undefined; return; }
    let units = this.phases.get(name);
    if (!units) this.phases.set(name, (units = { r: new Map(), w: new Map() }));
    this.phase = units;
  }

  /** Units per partition key counted under each phase, for reads or writes. */
  phaseUnits(read: boolean): Map<string, Map<string, number>> {
    return new Map([...this.phases].map(([name, units]) => [name, units[read ? 'r' : 'w']]));
  }

  record(command: string, input: Input, units: number, read: boolean): void {
    const keys = partitionsOf(command, input).filter((k): k is string => k !== undefined);
    if (keys.length === 0 || units <= 0) return;
    const share = units / keys.length;
    const second = Math.floor((performance.now() - this.started) / 1000);
    const kind = read ? 'r' : 'w';
    for (const key of keys) {
      const label = `${kind} ${key}`;
      let seconds = this.bySecond.get(label);
      if (!seconds) this.bySecond.set(label, (seconds = new Map()));
      seconds.set(second, (seconds.get(second) ?? 0) + share);
      this.totals[kind].set(key, (this.totals[kind].get(key) ?? 0) + share);
      if (this.phase) this.phase[kind].set(key, (this.phase[kind].get(key) ?? 0) + share);
    }
  }

  /** The busiest second of the busiest partition, for reads or writes. */
  peak(read: boolean): PartitionPeak {
    let best: PartitionPeak = { key: '(none)', unitsPerSecond: 0, second: 0 };
    const prefix = read ? 'r ' : 'w ';
    for (const [label, seconds] of this.bySecond) {
      if (!label.startsWith(prefix)) continue;
      for (const [second, units] of seconds) if (units > best.unitsPerSecond) best = { key: label.slice(2), unitsPerSecond: units, second };
    }
    return best;
  }

  /** The partition with the most units over the whole run, and its share of all of them. */
  hottest(read: boolean): { key: string; units: number; share: number } {
    const totals = this.totals[read ? 'r' : 'w'];
    let key = '(none)';
    let units = 0;
    let all = 0;
    for (const [k, u] of totals) {
      all += u;
      if (u > units) [key, units] = [k, u];
    }
    return { key, units, share: all > 0 ? units / all : 0 };
  }
}
