import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withBoardVersion } from '../../core/board/withBoardVersion.ts';
import type { OperationsPorts } from '../../core/ports/OperationsPorts.ts';
import { DynamoBuiltViews } from './DynamoBuiltViews.ts';
import { DynamoBoardVersion } from './DynamoBoardVersion.ts';
import { DynamoActivationStore } from './DynamoActivationStore.ts';
import { DynamoContactPreferences } from './DynamoContactPreferences.ts';
import { DynamoInboundClaims } from './DynamoInboundClaims.ts';
import { DynamoReadyPlans } from './DynamoReadyPlans.ts';
import { DynamoRoadRetirements } from './DynamoRoadRetirements.ts';
import { DynamoShortfallMarkers } from './DynamoShortfallMarkers.ts';
import { DynamoSmsRecords } from './DynamoSmsRecords.ts';
import { DynamoTaskingCases } from './DynamoTaskingCases.ts';
import { DynamoTaskStore } from './DynamoTaskStore.ts';
import { DynamoTeamBookings } from './DynamoTeamBookings.ts';
import { DynamoZoneStates } from './DynamoZoneStates.ts';

/** Every storm port on the one operations table (OPERATIONS_TABLE; keys in config/operationsKeys.ts), keeping the board version. */
export function dynamoOperations(db: DynamoDBDocumentClient, tableName: string): OperationsPorts {
  return withBoardVersion({
    zoneStates: new DynamoZoneStates(db, tableName),
    activations: new DynamoActivationStore(db, tableName),
    bookings: new DynamoTeamBookings(db, tableName),
    tasks: new DynamoTaskStore(db, tableName),
    shortfalls: new DynamoShortfallMarkers(db, tableName),
    smsRecords: new DynamoSmsRecords(db, tableName),
    inbound: new DynamoInboundClaims(db, tableName),
    taskingCases: new DynamoTaskingCases(db, tableName),
    contacts: new DynamoContactPreferences(db, tableName),
    roadRetirements: new DynamoRoadRetirements(db, tableName),
    readyPlans: new DynamoReadyPlans(db, tableName),
    views: new DynamoBuiltViews(db, tableName),
  }, new DynamoBoardVersion(db, tableName));
}
