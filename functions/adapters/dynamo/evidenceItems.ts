import type { Evidence } from '../../core/triggers/Evidence.ts';

/**
 * How much evidence (as JSON characters) one item holds: well under DynamoDB's 400 KB an item, so that a
 * 400-zone city's ~2,000 pieces (1.1 MB) take four items and the activation's record none.
 */
const EVIDENCE_ITEM_CHARS = 300_000;

/** The evidence cut into runs that each fit one item, in order; one empty run for none (so every activation has its first item). */
export function evidenceRuns(evidence: readonly Evidence[]): Evidence[][] {
  const runs: Evidence[][] = [[]];
  let size = 0;
  for (const piece of evidence) {
    const pieceSize = JSON.stringify(piece).length;
    if (size + pieceSize > EVIDENCE_ITEM_CHARS && runs[runs.length - 1]!.length > 0) {
      runs.push([]);
      size = 0;
    }
    runs[runs.length - 1]!.push(piece);
    size += pieceSize;
  }
  return runs;
}
