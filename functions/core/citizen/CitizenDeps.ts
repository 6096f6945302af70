import type { CitizenCases } from '../ports/CitizenCases.ts';
import type { Clock } from '../ports/Clock.ts';
import type { IdGenerator } from '../ports/IdGenerator.ts';
import type { ResponseLog } from '../ports/ResponseLog.ts';

/** What the citizen loop's use cases are given. */
export interface CitizenDeps {
  cases: CitizenCases;
  log: ResponseLog;
  clock: Clock;
  ids: IdGenerator;
}

/** The response log's stream for citizen cases (they live outside any one activation). */
export const CITIZEN_LOG = 'citizen';
