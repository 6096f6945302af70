export type ReplyAction = 'ack' | 'onsite' | 'done' | 'cannot';

/** What a leader's SMS reply means. */
export type ReplyIntent =
  | { kind: 'action'; action: ReplyAction; taskCode?: string }
  | { kind: 'stop' }
  | { kind: 'help' }
  | { kind: 'unknown'; text: string };
