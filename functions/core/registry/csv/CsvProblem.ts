/** What is wrong with one cell (or row) of an import file: line in the file, column name, reason. */
export interface CsvProblem {
  line: number;
  /** The column's header name; "-" for a problem with the row as a whole. */
  column: string;
  reason: string;
}

/** One line per bad row: "line 4: lane_km: must be a number greater than 0 (got "abc"); tier: …". */
export function formatProblems(problems: readonly CsvProblem[]): string[] {
  const byLine = new Map<number, CsvProblem[]>();
  for (const p of problems) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p]);
  return [...byLine.entries()].sort(([a], [b]) => a - b).map(([line, list]) => `line ${line}: ${list.map((p) => (p.column === '-' ? p.reason : `${p.column}: ${p.reason}`)).join('; ')}`);
}
