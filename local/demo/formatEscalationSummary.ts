import type { TaskingCase } from '../../functions/core/escalation/TaskingCase.ts';

/** How the taskings ended and how each person asked ended (Confirmed / Not Confirmed / Unreachable). */
export function formatEscalationSummary(cases: readonly TaskingCase[]): string {
  const count = (items: readonly string[]) => {
    const m = new Map<string, number>();
    for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
    return [...m].map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  };
  const outcomes = count(cases.map((c) => c.outcome ?? `open (${c.step})`));
  const recipients = count(cases.flatMap((c) => c.recipients.map((r) => `${r.role} ${r.outcome}`)));
  return `Taskings: ${outcomes}\nRecipients: ${recipients}`;
}
