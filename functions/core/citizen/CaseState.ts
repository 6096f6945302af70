/**
 * The closed loop of a citizen case (受理、立案、派遣、处置、核查、反馈):
 * submitted (accepted, 受理) -> registered (立案) -> dispatched (派遣) -> handled (处置, the crew said done)
 * -> closed (核查, verified); or rejected, or merged into another case. A registered case that no crew
 * can take yet is `waiting` (with the reason); a reopened case goes back to registered.
 */
export const CASE_STATES = ['submitted', 'registered', 'waiting', 'dispatched', 'handled', 'closed', 'rejected', 'merged'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** States a case leaves no more by itself (reopen is the officer's explicit act on a closed case). */
export const FINAL_CASE_STATES: readonly CaseState[] = ['closed', 'rejected', 'merged'];

export function isOpenCase(state: CaseState): boolean {
  return !FINAL_CASE_STATES.includes(state);
}

/** The acts that move a case, each named once from the API to the log. */
export const CASE_STEPS = ['register', 'reject', 'merge', 'dispatch', 'wait', 'handle', 'verify', 'reopen'] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

/** From which states each step may be taken, and where it leads. */
export const CASE_TRANSITIONS: Record<CaseStep, { from: readonly CaseState[]; to: CaseState }> = {
  register: { from: ['submitted'], to: 'registered' },
  reject: { from: ['submitted', 'registered', 'waiting'], to: 'rejected' },
  merge: { from: ['submitted', 'registered', 'waiting'], to: 'merged' },
  dispatch: { from: ['registered', 'waiting'], to: 'dispatched' },
  wait: { from: ['registered', 'waiting', 'dispatched'], to: 'waiting' },
  handle: { from: ['dispatched'], to: 'handled' },
  verify: { from: ['handled'], to: 'closed' },
  reopen: { from: ['handled', 'closed'], to: 'registered' },
};
