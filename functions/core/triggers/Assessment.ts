import type { ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Evidence } from './Evidence.ts';

/** What a forecast implies: the level and every rule that fired. */
export interface Assessment {
  level: ResponseLevel;
  evidence: Evidence[];
}
