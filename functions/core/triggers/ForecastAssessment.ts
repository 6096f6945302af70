import type { ResponseLevel } from '../levels/ResponseLevel.ts';
import type { Assessment } from './Assessment.ts';

/**
 * What a forecast implies, with lead time: `level` is the highest any rule gives; `dueLevel` the highest
 * among rules whose weather begins within the plan's lead time (what may be activated now); `watch` is
 * true when the forecast holds more than is due yet (`watchLevel`), so the duty officer is told.
 */
export interface ForecastAssessment extends Assessment {
  dueLevel: ResponseLevel;
  watch: boolean;
  watchLevel: ResponseLevel;
}
