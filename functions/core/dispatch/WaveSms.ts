/** A wave's tasking SMS and the least time they take to send at the stage's pace (said to the officer before and after). */
export interface WaveSms {
  /** Tasking SMS: one per crew leader, more when a tasking is split over messages within the plan's segment cap. */
  messages: number;
  /** The message parts (segments) those SMS take, rendered as they will be sent. */
  parts: number;
  /** The stage's pace in message parts per second. */
  partsPerSecond: number;
  /** The origination identity's kind, null where the stage does not name it. */
  origination: string | null;
  /** parts / partsPerSecond, rounded up: the wave cannot be sent faster. */
  seconds: number;
}
