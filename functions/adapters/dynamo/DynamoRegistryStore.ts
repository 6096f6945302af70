import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cityPlanSchema, type CityPlan } from '../../core/registry/CityPlan.ts';
import type { Crew } from '../../core/registry/Crew.ts';
import type { Depot } from '../../core/registry/Depot.ts';
import type { Road } from '../../core/registry/Road.ts';
import type { Vehicle } from '../../core/registry/Vehicle.ts';
import type { Zone } from '../../core/registry/Zone.ts';
import type { RegistryAdmin } from '../../core/ports/RegistryAdmin.ts';
import type { RegistryImportStore } from '../../core/ports/RegistryImportStore.ts';
import type { RegistryStore } from '../../core/ports/RegistryStore.ts';
import type { RegistryKind, RegistryRecords } from '../../core/registry/RegistryKind.ts';
import { queryAll } from './queryAll.ts';
import { putAll } from './putAll.ts';
import { stripKeys } from './stripKeys.ts';

type Kind = 'ZONE' | 'ROAD' | 'CREW' | 'VEHICLE' | 'DEPOT';

const PARTITION: Record<RegistryKind, Kind> = { zones: 'ZONE', roads: 'ROAD', crews: 'CREW', vehicles: 'VEHICLE' };

/** The registry in one DynamoDB table; see REGISTRY_TABLE for the access patterns. */
export class DynamoRegistryStore implements RegistryStore, RegistryAdmin, RegistryImportStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getPlan(): Promise<CityPlan> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: 'PLAN', sk: 'CURRENT' } }));
    if (!out.Item) throw new Error('the registry has no plan (pk=PLAN, sk=CURRENT): import the city plan first');
    return cityPlanSchema.parse(stripKeys(out.Item));
  }

  listZones(): Promise<Zone[]> { return this.list<Zone>('ZONE'); }
  listRoads(): Promise<Road[]> { return this.list<Road>('ROAD'); }
  listCrews(): Promise<Crew[]> { return this.list<Crew>('CREW'); }
  listVehicles(): Promise<Vehicle[]> { return this.list<Vehicle>('VEHICLE'); }
  listDepots(): Promise<Depot[]> { return this.list<Depot>('DEPOT'); }

  async findCrewByPhone(phone: string): Promise<{ crew: Crew; role: 'leader' | 'backup' } | undefined> {
    const link = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `PHONE#${phone}`, sk: 'CREW' } }));
    if (!link.Item) return undefined;
    const crew = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: 'CREW', sk: link.Item.crewId as string } }));
    return crew.Item ? { crew: stripKeys<Crew>(crew.Item), role: link.Item.role as 'leader' | 'backup' } : undefined;
  }

  /** Writes the plan and registry records (upsert by id), with the phone lookup items. */
  async put(records: { plan?: CityPlan; zones?: Zone[]; depots?: Depot[]; roads?: Road[]; crews?: Crew[]; vehicles?: Vehicle[] }): Promise<void> {
    const items: Record<string, unknown>[] = [];
    if (records.plan) items.push({ pk: 'PLAN', sk: 'CURRENT', ...records.plan });
    for (const z of records.zones ?? []) items.push({ pk: 'ZONE', sk: z.id, ...z });
    for (const d of records.depots ?? []) items.push({ pk: 'DEPOT', sk: d.id, ...d });
    for (const r of records.roads ?? []) items.push({ pk: 'ROAD', sk: r.id, ...r });
    for (const v of records.vehicles ?? []) items.push({ pk: 'VEHICLE', sk: v.id, ...v });
    for (const c of records.crews ?? []) {
      items.push({ pk: 'CREW', sk: c.id, ...c });
      items.push({ pk: `PHONE#${c.leader.phone}`, sk: 'CREW', crewId: c.id, role: 'leader' });
      items.push({ pk: `PHONE#${c.backup.phone}`, sk: 'CREW', crewId: c.id, role: 'backup' });
    }
    await putAll(this.db, this.tableName, items, 'registry write');
  }

  async getRecord<K extends RegistryKind>(kind: K, id: string): Promise<RegistryRecords[K] | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: PARTITION[kind], sk: id }, ConsistentRead: true }));
    return out.Item ? stripKeys<RegistryRecords[K]>(out.Item) : undefined;
  }

  async saveRecord<K extends RegistryKind>(kind: K, record: RegistryRecords[K], previous?: RegistryRecords[K]): Promise<'saved' | 'phone-in-use'> {
    const put = { Put: { TableName: this.tableName, Item: { pk: PARTITION[kind], sk: record.id, ...record } } };
    if (kind !== 'crews') {
      await this.db.send(new TransactWriteCommand({ TransactItems: [put] }));
      return 'saved';
    }
    const crew = record as Crew;
    const phones = [{ phone: crew.leader.phone, role: 'leader' }, { phone: crew.backup.phone, role: 'backup' }];
    const before = previous ? [(previous as Crew).leader.phone, (previous as Crew).backup.phone] : [];
    const dropped = before.filter((p) => !phones.some((n) => n.phone === p));
    try {
      await this.db.send(new TransactWriteCommand({
        TransactItems: [
          put,
          // A phone answers for one crew only: the link may be new or already this crew's.
          ...phones.map(({ phone, role }) => ({ Put: { TableName: this.tableName, Item: { pk: `PHONE#${phone}`, sk: 'CREW', crewId: crew.id, role }, ConditionExpression: 'attribute_not_exists(pk) OR crewId = :id', ExpressionAttributeValues: { ':id': crew.id } } })),
          ...dropped.map((phone) => ({ Delete: { TableName: this.tableName, Key: { pk: `PHONE#${phone}`, sk: 'CREW' }, ConditionExpression: 'attribute_not_exists(pk) OR crewId = :id', ExpressionAttributeValues: { ':id': crew.id } } })),
        ],
      }));
      return 'saved';
    } catch (error) {
      if (error instanceof TransactionCanceledException) return 'phone-in-use';
      throw error;
    }
  }

  async deleteRecord<K extends RegistryKind>(kind: K, record: RegistryRecords[K]): Promise<void> {
    const links = kind === 'crews' ? [(record as Crew).leader.phone, (record as Crew).backup.phone] : [];
    await this.db.send(new TransactWriteCommand({
      TransactItems: [
        { Delete: { TableName: this.tableName, Key: { pk: PARTITION[kind], sk: record.id } } },
        ...links.map((phone) => ({ Delete: { TableName: this.tableName, Key: { pk: `PHONE#${phone}`, sk: 'CREW' }, ConditionExpression: 'attribute_not_exists(pk) OR crewId = :id', ExpressionAttributeValues: { ':id': record.id } } })),
      ],
    }));
  }

  async savePlan(plan: CityPlan): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { pk: 'PLAN', sk: 'CURRENT', ...plan } }));
  }

  async removePhoneLinks(links: { phone: string; crewId: string }[]): Promise<void> {
    for (const { phone, crewId } of links) {
      try {
        await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: `PHONE#${phone}`, sk: 'CREW' }, ConditionExpression: 'crewId = :c', ExpressionAttributeValues: { ':c': crewId } }));
      } catch (error) {
        if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
      }
    }
  }

  private async list<T>(kind: Kind): Promise<T[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': kind },
    });
    return items.map((i) => stripKeys<T>(i));
  }
}
