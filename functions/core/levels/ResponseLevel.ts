/** Response levels of a Chinese city snow plan: IV (blue, lowest) to I (red, highest). */
export const RESPONSE_LEVELS = ['none', 'IV', 'III', 'II', 'I'] as const;
export type ResponseLevel = (typeof RESPONSE_LEVELS)[number];
export type ActiveLevel = Exclude<ResponseLevel, 'none'>;
export const ACTIVE_LEVELS: readonly ActiveLevel[] = ['IV', 'III', 'II', 'I'];

/** Rank of a level: none = 0 … I = 4, so higher means more severe. */
export function levelRank(level: ResponseLevel): number {
  return RESPONSE_LEVELS.indexOf(level);
}

/** The more severe of two levels. */
export function maxLevel(a: ResponseLevel, b: ResponseLevel): ResponseLevel {
  return levelRank(a) >= levelRank(b) ? a : b;
}

/** Signal colour of a level, as the meteorological warning signals name them. */
export function levelColour(level: ResponseLevel): 'none' | 'blue' | 'yellow' | 'orange' | 'red' {
  return (['none', 'blue', 'yellow', 'orange', 'red'] as const)[levelRank(level)]!;
}
