/**
 * How fast the stage texts (its config's sms.pace, SMS_PARTS_PER_SECOND): what a wave's sending time is
 * worked out from. A configuration value, not a port: the composition gives it, core never reads the environment.
 */
export interface SmsPace {
  /** Message parts per second: the origination identity's throughput times the identities sending. */
  partsPerSecond: number;
  /** The origination identity's kind (long-code, short-code, aliyun-signature …), where the stage names it. */
  origination?: string;
  /** The registered signature every message starts with (it counts in each message's parts). */
  signature?: string;
}
