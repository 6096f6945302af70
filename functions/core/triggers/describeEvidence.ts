import type { Evidence } from './Evidence.ts';

/** One line for a duty officer: "blizzard-6h: 15.2 mm snow water in 6 h (≥ 10) from 2026-12-14T04:00Z". */
export function describeEvidence(e: Evidence): string {
  if (e.text) return e.text;
  const gaps = e.gapHours > 0 ? `, ${e.gapHours} h without data` : '';
  return `${e.rule}: ${e.value} ${e.unit} in ${e.windowHours} h (≥ ${e.threshold}) from ${e.from}${gaps}${e.basis ? ` [${e.basis}]` : ''}`;
}
