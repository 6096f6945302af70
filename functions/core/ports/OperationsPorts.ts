import type { ActivationStore } from './ActivationStore.ts';
import type { BoardVersion } from './BoardVersion.ts';
import type { BuiltViews } from './BuiltViews.ts';
import type { ContactPreferences } from './ContactPreferences.ts';
import type { InboundClaims } from './InboundClaims.ts';
import type { ReadyPlans } from './ReadyPlans.ts';
import type { RoadRetirements } from './RoadRetirements.ts';
import type { ShortfallMarkers } from './ShortfallMarkers.ts';
import type { SmsRecords } from './SmsRecords.ts';
import type { TaskingCases } from './TaskingCases.ts';
import type { TaskStore } from './TaskStore.ts';
import type { TeamBookings } from './TeamBookings.ts';
import type { ZoneStates } from './ZoneStates.ts';

/** The state of a storm, one port per concept; a use case asks for the ones it uses (Pick<CoreDeps, …>). */
export interface OperationsPorts {
  zoneStates: ZoneStates;
  activations: ActivationStore;
  bookings: TeamBookings;
  tasks: TaskStore;
  shortfalls: ShortfallMarkers;
  smsRecords: SmsRecords;
  inbound: InboundClaims;
  taskingCases: TaskingCases;
  contacts: ContactPreferences;
  boardVersion: BoardVersion;
  roadRetirements: RoadRetirements;
  readyPlans: ReadyPlans;
  views: BuiltViews;
}
