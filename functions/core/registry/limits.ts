/**
 * The bounds of every registry value, in one place: the record schemas (API, city file, plan editor)
 * and the CSV importer's cells read them from here, so no path accepts what another refuses.
 * Names are kept short enough that a tasking with a few roads fits the plan's SMS segment cap.
 */
export const TEXT_LIMITS = {
  /** Record ids (roads, crews, …): letters, digits and . _ : - */
  id: 64,
  roadName: 40,
  crewName: 32,
  personName: 20,
  vehicleLabel: 20,
  depot: 32,
  zoneName: 32,
  responsibleUnit: 64,
  cityName: 64,
  timeZone: 64,
  providerName: 32,
  warningMatch: 64,
} as const;

/** Inclusive numeric ranges, with the unit in the name. */
export const NUMBER_LIMITS = {
  laneKm: { min: 0.01, max: 500 },
  crewSize: { min: 1, max: 200 },
  hoursWorked: { min: 0, max: 24 },
  workRateLaneKmPerH: { min: 0.1, max: 200 },
  materialCapacityLaneKm: { min: 0.1, max: 1000 },
  targetHours: { min: 0.1, max: 72 },
  shiftHours: { min: 0.5, max: 24 },
  travelSpeedKmPerH: { min: 1, max: 200 },
  startLeadMinutes: { min: 0, max: 24 * 60 },
  blizzardWaterMm: { min: 0.1, max: 500 },
  lendPenaltyKm: { min: 0, max: 1000 },
  plannerWeight: { min: 0, max: 1e6 },
  /** 3 at least: a tasking's wording with one task, in either language and with a signature, fits in 3 once names are shortened. */
  smsSegmentCap: { min: 3, max: 10 },
} as const;

/** A tasking SMS costs at most this many segments unless the plan says otherwise; longer ones are split. */
export const DEFAULT_SMS_SEGMENT_CAP = 4;

/** Record ids, as the API's path takes them. */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;
