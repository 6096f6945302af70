import { withBoardVersion } from '../../core/board/withBoardVersion.ts';
import type { OperationsPorts } from '../../core/ports/OperationsPorts.ts';
import { MemoryBuiltViews } from './MemoryBuiltViews.ts';
import { MemoryBoardVersion } from './MemoryBoardVersion.ts';
import { MemoryActivationStore } from './MemoryActivationStore.ts';
import { MemoryContactPreferences } from './MemoryContactPreferences.ts';
import { MemoryInboundClaims } from './MemoryInboundClaims.ts';
import { MemoryReadyPlans } from './MemoryReadyPlans.ts';
import { MemoryRoadRetirements } from './MemoryRoadRetirements.ts';
import { MemoryShortfallMarkers } from './MemoryShortfallMarkers.ts';
import { MemorySmsRecords } from './MemorySmsRecords.ts';
import { MemoryTaskingCases } from './MemoryTaskingCases.ts';
import { MemoryTaskStore } from './MemoryTaskStore.ts';
import { MemoryTeamBookings } from './MemoryTeamBookings.ts';
import { MemoryZoneStates } from './MemoryZoneStates.ts';
import { OperationsMemory } from './OperationsMemory.ts';

/** Every storm port in memory, sharing one state (held to the same contract suites as the DynamoDB adapters). */
export function memoryOperations(memory = new OperationsMemory()): OperationsPorts & { memory: OperationsMemory } {
  return withBoardVersion({
    memory,
    zoneStates: new MemoryZoneStates(memory),
    activations: new MemoryActivationStore(memory),
    bookings: new MemoryTeamBookings(memory),
    tasks: new MemoryTaskStore(memory),
    shortfalls: new MemoryShortfallMarkers(memory),
    smsRecords: new MemorySmsRecords(memory),
    inbound: new MemoryInboundClaims(memory),
    taskingCases: new MemoryTaskingCases(memory),
    contacts: new MemoryContactPreferences(memory),
    roadRetirements: new MemoryRoadRetirements(memory),
    readyPlans: new MemoryReadyPlans(memory),
    views: new MemoryBuiltViews(memory),
  }, new MemoryBoardVersion(memory));
}
