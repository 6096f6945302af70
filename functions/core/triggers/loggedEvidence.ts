import { levelRank } from '../levels/ResponseLevel.ts';
import type { Evidence } from './Evidence.ts';

/**
 * At most this many pieces of evidence go into one log entry. An entry is one DynamoDB item (400 KB at
 * most) and a piece is about 550 bytes, while a 400-zone city's forecasts give ~2,000 pieces (1.1 MB).
 */
export const LOGGED_EVIDENCE_LIMIT = 100;

/**
 * The evidence a decision's log entry carries: all of it when it fits; otherwise the strongest pieces
 * (highest level first, the given order within a level) and how many there were. Nothing is lost: an
 * activation keeps its whole evidence apart (ActivationStore.getEvidence), and each zone's evidence is
 * logged whole when its level changes (forecast.level-changed).
 */
export function loggedEvidence(evidence: readonly Evidence[]): { evidence: Evidence[]; evidenceCount?: number } {
  if (evidence.length <= LOGGED_EVIDENCE_LIMIT) return { evidence: [...evidence] };
  const strongest = [...evidence].sort((a, b) => levelRank(b.level) - levelRank(a.level)).slice(0, LOGGED_EVIDENCE_LIMIT);
  return { evidence: strongest, evidenceCount: evidence.length };
}
