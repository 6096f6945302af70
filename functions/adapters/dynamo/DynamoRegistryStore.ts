import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cityPlanSchema, type CityPlan } from '../../core/registry/CityPlan.ts';
import type { Crew } from '../../core/registry/Crew.ts';
import type { Depot } from '../../core/registry/Depot.ts';
import type { Road } from '../../core/registry/Road.ts';
import type { Vehicle } from '../../core/registry/Vehicle.ts';
import type { Zone } from '../../core/registry/Zone.ts';
import type { RegistryAdmin } from '../../core/ports/RegistryAdmin.ts';
import type { ImportKind, KindSnapshot, RegistryImportStore } from '../../core/ports/RegistryImportStore.ts';
import type { RegistryStore } from '../../core/ports/RegistryStore.ts';
import type { RegistryKind, RegistryRecords } from '../../core/registry/RegistryKind.ts';
import { MAX_TRANSACTION_ITEMS, transactIf, type NamedItem } from './conditionalWrite.ts';
import { queryAll } from './queryAll.ts';
import { putAll } from './putAll.ts';
import { bumpRevision, checkUnchanged, generationKey, phoneKey, readGeneration, recordPartition, VERSIONED, type Generation, type VersionedPartition } from './registryGenerations.ts';
import { stageGeneration } from './stageGeneration.ts';
import { stripKeys } from './stripKeys.ts';

/** Tries of a write whose kind was written by someone else between its read and its write. */
const WRITE_TRIES = 8;
const PLAN_KEY = { pk: 'PLAN', sk: 'CURRENT' };

const versioned = (kind: RegistryKind): VersionedPartition | undefined => (kind === 'zones' ? undefined : VERSIONED[kind]);

/**
 * The registry in one DynamoDB table; see REGISTRY_TABLE for the access patterns. Roads, crews and
 * vehicles are read through their kind's generation pointer (registryGenerations.ts): every write to a
 * kind is conditional on the pointer it read and counts itself on it, so writes to a kind are
 * serialised, and an import switches a whole staged set in with one write.
 */
export class DynamoRegistryStore implements RegistryStore, RegistryAdmin, RegistryImportStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getPlan(): Promise<CityPlan> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: PLAN_KEY }));
    if (!out.Item) throw new Error('the registry has no plan (pk=PLAN, sk=CURRENT): import the city plan first');
    return cityPlanSchema.parse(stripKeys(out.Item));
  }

  listZones(): Promise<Zone[]> { return this.query<Zone>('ZONE'); }
  listDepots(): Promise<Depot[]> { return this.query<Depot>('DEPOT'); }
  async listRoads(): Promise<Road[]> { return (await this.readKind('roads')).records; }
  /** The roads' generation and its write count: every write to the roads moves one of them (registryGenerations.ts). */
  async roadsRevision(): Promise<string> {
    const g = await this.generation('ROAD');
    return `${g.id}#${g.revision}`;
  }
  async listCrews(): Promise<Crew[]> { return (await this.readKind('crews')).records; }
  async listVehicles(): Promise<Vehicle[]> { return (await this.readKind('vehicles')).records; }

  async readKind<K extends ImportKind>(kind: K): Promise<KindSnapshot<K>> {
    const p = VERSIONED[kind];
    const [g, plan] = await Promise.all([this.generation(p), kind === 'crews' ? this.getPlan() : undefined]);
    const records = await this.query<RegistryRecords[K]>(recordPartition(p, g.id));
    return { records, basis: JSON.stringify({ ...g, officer: plan?.dutyOfficerPhone }) };
  }

  async replaceKind<K extends ImportKind>(kind: K, records: RegistryRecords[K][], basis: string): Promise<'replaced' | 'stale'> {
    const { officer, ...g } = JSON.parse(basis) as Generation & { officer?: string };
    // The file was checked against this duty officer's phone: a plan saved since with a crew's phone refuses the switch.
    const officerUnchanged: NamedItem[] = officer === undefined ? [] : [{ name: 'officer', item: { ConditionCheck: { TableName: this.tableName, Key: PLAN_KEY, ConditionExpression: 'dutyOfficerPhone = :o', ExpressionAttributeValues: { ':o': officer } } } }];
    return stageGeneration(this.db, this.tableName, [{ p: VERSIONED[kind], current: g, records }], officerUnchanged);
  }

  async findCrewByPhone(phone: string): Promise<{ crew: Crew; role: 'leader' | 'backup' } | undefined> {
    const g = await this.generation('CREW');
    const link = await this.db.send(new GetCommand({ TableName: this.tableName, Key: phoneKey(phone, g.id), ConsistentRead: true }));
    if (!link.Item) return undefined;
    const crew = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: recordPartition('CREW', g.id), sk: link.Item.crewId as string }, ConsistentRead: true }));
    return crew.Item ? { crew: stripKeys<Crew>(crew.Item), role: link.Item.role as 'leader' | 'backup' } : undefined;
  }

  /**
   * Replaces the whole registry with a city (a city file: `npm run registry:import`), all or nothing: each kind's
   * records are staged as a new generation, then the three generations, the plan, the zones and the depots
   * (those not in the city deleted) are switched in by one transaction. A failure part-way changes nothing.
   */
  async replaceCity(city: { plan: CityPlan; zones: Zone[]; depots: Depot[]; roads: Road[]; crews: Crew[]; vehicles: Vehicle[] }): Promise<void> {
    const [zones, depots] = await Promise.all([this.listZones(), this.listDepots()]);
    const put = (pk: string, record: { id: string }): NamedItem => ({ name: pk, item: { Put: { TableName: this.tableName, Item: { pk, sk: record.id, ...record } } } });
    const drop = (pk: string, record: { id: string }): NamedItem => ({ name: pk, item: { Delete: { TableName: this.tableName, Key: { pk, sk: record.id } } } });
    const head: NamedItem[] = [
      { name: 'plan', item: { Put: { TableName: this.tableName, Item: { ...PLAN_KEY, ...city.plan } } } },
      ...city.zones.map((z) => put('ZONE', z)), ...zones.filter((z) => !city.zones.some((c) => c.id === z.id)).map((z) => drop('ZONE', z)),
      ...city.depots.map((d) => put('DEPOT', d)), ...depots.filter((d) => !city.depots.some((c) => c.id === d.id)).map((d) => drop('DEPOT', d)),
    ];
    const kinds = (['roads', 'crews', 'vehicles'] as const);
    if (head.length + kinds.length > MAX_TRANSACTION_ITEMS) {
      throw new Error(`a city is switched in by one transaction of at most ${MAX_TRANSACTION_ITEMS} items: the plan, ${city.zones.length} zones and ${city.depots.length} depots (with ${head.length - 1 - city.zones.length - city.depots.length} to delete) are too many; nothing was written`);
    }
    const staged = await Promise.all(kinds.map(async (k) => ({ p: VERSIONED[k], current: await this.generation(VERSIONED[k]), records: city[k] })));
    if ((await stageGeneration(this.db, this.tableName, staged, head)) === 'stale') {
      throw new Error('the registry was edited while the city was imported; nothing of the city was kept: import it again');
    }
  }

  /** Seeds the plan and registry records (upsert by id) with the phone lookups, into each kind's current generation: for tests and the local runtime's empty tables; not atomic (registry:import uses replaceCity). */
  async put(records: { plan?: CityPlan; zones?: Zone[]; depots?: Depot[]; roads?: Road[]; crews?: Crew[]; vehicles?: Vehicle[] }): Promise<void> {
    const items: Record<string, unknown>[] = [];
    if (records.plan) items.push({ ...PLAN_KEY, ...records.plan });
    for (const z of records.zones ?? []) items.push({ pk: 'ZONE', sk: z.id, ...z });
    for (const d of records.depots ?? []) items.push({ pk: 'DEPOT', sk: d.id, ...d });
    const kinds = (['roads', 'crews', 'vehicles'] as const).filter((k) => (records[k] ?? []).length > 0);
    const generations = await Promise.all(kinds.map((k) => this.generation(VERSIONED[k])));
    kinds.forEach((k, i) => {
      const g = generations[i]!.id;
      for (const r of records[k]!) {
        items.push({ pk: recordPartition(VERSIONED[k], g), sk: r.id, ...r });
        if (k === 'crews') {
          const c = r as Crew;
          items.push({ ...phoneKey(c.leader.phone, g), crewId: c.id, role: 'leader' }, { ...phoneKey(c.backup.phone, g), crewId: c.id, role: 'backup' });
        }
      }
    });
    await putAll(this.db, this.tableName, items, 'registry write');
    // Counted, so that an import checked against the registry before this write is checked again.
    for (const k of kinds) {
      await this.db.send(new UpdateCommand({ TableName: this.tableName, Key: generationKey(VERSIONED[k]), UpdateExpression: 'SET generation = if_not_exists(generation, :empty) ADD revision :one', ExpressionAttributeValues: { ':empty': '', ':one': 1 } }));
    }
  }

  async getRecord<K extends RegistryKind>(kind: K, id: string): Promise<RegistryRecords[K] | undefined> {
    const p = versioned(kind);
    const partition = p ? recordPartition(p, (await this.generation(p)).id) : 'ZONE';
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: partition, sk: id }, ConsistentRead: true }));
    return out.Item ? stripKeys<RegistryRecords[K]>(out.Item) : undefined;
  }

  async saveRecord<K extends RegistryKind>(kind: K, record: RegistryRecords[K]): Promise<'saved' | 'phone-in-use'> {
    const p = versioned(kind);
    if (!p) {
      await transactIf(this.db, [{ name: 'record', item: { Put: { TableName: this.tableName, Item: { pk: 'ZONE', sk: record.id, ...record } } } }]);
      return 'saved';
    }
    return this.writeKind(p, async (g) => {
      const put: NamedItem = { name: 'record', item: { Put: { TableName: this.tableName, Item: { pk: recordPartition(p, g.id), sk: record.id, ...record } } } };
      if (kind !== 'crews') return [put];
      const crew = record as Crew;
      const previous = await this.recordIn<Crew>(p, g, crew.id);
      const phones = [{ phone: crew.leader.phone, role: 'leader' }, { phone: crew.backup.phone, role: 'backup' }];
      const dropped = await this.linksOf(g, crew.id, (previous ? [previous.leader.phone, previous.backup.phone] : []).filter((old) => !phones.some((n) => n.phone === old)));
      return [
        put,
        // A phone answers for one crew only: the link may be new or already this crew's; never the duty officer's.
        ...phones.map(({ phone, role }) => ({ name: 'phone', item: { Put: { TableName: this.tableName, Item: { ...phoneKey(phone, g.id), crewId: crew.id, role }, ConditionExpression: 'attribute_not_exists(pk) OR crewId = :id', ExpressionAttributeValues: { ':id': crew.id } } } })),
        ...dropped.map((phone) => ({ name: 'dropped', item: { Delete: { TableName: this.tableName, Key: phoneKey(phone, g.id) } } })),
        { name: 'phone', item: { ConditionCheck: { TableName: this.tableName, Key: PLAN_KEY, ConditionExpression: 'attribute_not_exists(pk) OR (dutyOfficerPhone <> :a AND dutyOfficerPhone <> :b)', ExpressionAttributeValues: { ':a': crew.leader.phone, ':b': crew.backup.phone } } } },
      ];
    }, 'saved', 'phone-in-use');
  }

  async deleteRecord<K extends RegistryKind>(kind: K, record: RegistryRecords[K]): Promise<void> {
    const p = versioned(kind);
    if (!p) {
      await transactIf(this.db, [{ name: 'record', item: { Delete: { TableName: this.tableName, Key: { pk: 'ZONE', sk: record.id } } } }]);
      return;
    }
    await this.writeKind(p, async (g) => {
      const stored = kind === 'crews' ? await this.recordIn<Crew>(p, g, record.id) : undefined;
      const links = stored ? await this.linksOf(g, record.id, [stored.leader.phone, stored.backup.phone]) : [];
      return [
        { name: 'record', item: { Delete: { TableName: this.tableName, Key: { pk: recordPartition(p, g.id), sk: record.id } } } },
        ...links.map((phone) => ({ name: 'dropped', item: { Delete: { TableName: this.tableName, Key: phoneKey(phone, g.id) } } })),
      ];
    }, undefined, undefined);
  }

  /** Saves the plan unless its duty officer's phone is a crew's (checked in the same transaction as the crews' pointer). */
  async savePlan(plan: CityPlan): Promise<'saved' | 'phone-in-use'> {
    for (let attempt = 1; ; attempt++) {
      const g = await this.generation('CREW');
      const out = await transactIf(this.db, [
        { name: 'plan', item: { Put: { TableName: this.tableName, Item: { ...PLAN_KEY, ...plan } } } },
        { name: 'phone', item: { ConditionCheck: { TableName: this.tableName, Key: phoneKey(plan.dutyOfficerPhone, g.id), ConditionExpression: 'attribute_not_exists(pk)' } } },
        checkUnchanged(this.tableName, 'CREW', g),
      ]);
      if (out.outcome === 'written') return 'saved';
      if (!out.refused.includes('generation') || attempt >= WRITE_TRIES) return out.refused.includes('phone') ? 'phone-in-use' : this.conflict('plan');
    }
  }

  /**
   * Of these phones, the ones whose lookup in generation `g` still names the crew (a lookup another crew
   * holds is not this one's to remove). Read, then removed: safe, as the write that removes them is
   * refused if anything wrote the kind since `g` was read.
   */
  private async linksOf(g: Generation, crewId: string, phones: string[]): Promise<string[]> {
    const links = await Promise.all(phones.map((phone) => this.db.send(new GetCommand({ TableName: this.tableName, Key: phoneKey(phone, g.id), ConsistentRead: true }))));
    return phones.filter((_, i) => links[i]!.Item?.crewId === crewId);
  }

  private async recordIn<T>(p: VersionedPartition, g: Generation, id: string): Promise<T | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: recordPartition(p, g.id), sk: id }, ConsistentRead: true }));
    return out.Item ? stripKeys<T>(out.Item) : undefined;
  }

  /**
   * One write to a kind: the items built against the current generation, in one transaction with the
   * pointer's count; built again from a fresh read while someone else wrote the kind in between.
   */
  private async writeKind<R>(p: VersionedPartition, build: (g: Generation) => Promise<NamedItem[]>, written: R, refused: R): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const g = await this.generation(p);
      const out = await transactIf(this.db, [bumpRevision(this.tableName, p, g), ...(await build(g))]);
      if (out.outcome === 'written') return written;
      if (!out.refused.includes('generation')) return refused;
      if (attempt >= WRITE_TRIES) return this.conflict(p);
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt * Math.random()));
    }
  }

  private conflict(what: string): never {
    throw new Error(`registry ${what}: written by others ${WRITE_TRIES} times while this write was retried`);
  }

  private generation(p: VersionedPartition): Promise<Generation> {
    return readGeneration(this.db, this.tableName, p);
  }

  private async query<T>(partition: string): Promise<T[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partition }, ConsistentRead: true });
    return items.map((i) => stripKeys<T>(i));
  }
}
