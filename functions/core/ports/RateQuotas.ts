/** Counters of acts per key and time window (SMS codes per phone, reports per phone or per address). */
export interface RateQuotas {
  /** Counts one act against `key` in the window starting at `windowStart`, unless `limit` are counted already: then false, and nothing counted. */
  take(key: string, windowStart: string, limit: number): Promise<boolean>;
}
