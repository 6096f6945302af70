import type { ActiveLevel } from '../levels/ResponseLevel.ts';

/** Why a rule fired: the numbers and the hours that decided it. */
export interface Evidence {
  rule: string;
  level: ActiveLevel;
  provider: string;
  /** The measured quantity, e.g. snow water summed over the window, mm. */
  value: number;
  threshold: number;
  unit: string;
  windowHours: number;
  /** First hour of the deciding window, UTC ISO. */
  from: string;
  /** End of the deciding window (exclusive), UTC ISO. */
  to: string;
  /** Hours in the window the provider left blank (the sum is then a lower bound). */
  gapHours: number;
  /** When the weather behind this rule begins (first snowy / icy hour, a warning's onset), UTC ISO. */
  startsAt?: string;
  /** True when it begins beyond the plan's lead time (or is a watch product): told, not yet acted on. */
  watch?: boolean;
  /** Which numbers the value was made of, and from which provider layer (e.g. NWS quantitativePrecipitation, or a snow ratio). */
  basis?: string;
  /** One line a duty officer can read. */
  text?: string;
}
