/** Road passes (`<roadId>#<pass>`) already reported short in an activation, so each is logged once. */
export interface ShortfallMarkers {
  listReportedShortfalls(activationId: string): Promise<Set<string>>;
  /** Notes road passes as reported short, once their log entries are written. */
  markShortfallsReported(activationId: string, passKeys: readonly string[]): Promise<void>;
}
