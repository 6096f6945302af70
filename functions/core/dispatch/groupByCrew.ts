import type { Task } from '../operations/Task.ts';

/** Tasks grouped by crew, each group in the team's order. */
export function groupByCrew(tasks: readonly Task[]): Map<string, Task[]> {
  const groups = new Map<string, Task[]>();
  for (const t of tasks) groups.set(t.crewId, [...(groups.get(t.crewId) ?? []), t]);
  for (const g of groups.values()) g.sort((a, b) => a.sequence - b.sequence);
  return groups;
}
