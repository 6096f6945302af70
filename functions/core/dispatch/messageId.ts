/** Deterministic id of a wave's message to a crew: the same tasking always has the same id. */
export function messageId(activationId: string, crewId: string, wave: number): string {
  return `${activationId}#${crewId}#w${wave}`;
}
