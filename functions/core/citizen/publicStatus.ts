import { isOpenCase } from './CaseState.ts';
import type { CitizenCase } from './CitizenCase.ts';

/**
 * Our richer states as Open311's two (open / closed) and a note a member of the public can read.
 * A merged case points to the case that carries on; a rejected one gives the reason.
 */
export function publicStatus(c: CitizenCase): { status: 'open' | 'closed'; notes: string } {
  const notes: Record<CitizenCase['state'], string> = {
    submitted: 'Received; waiting for the duty officer to register it.',
    registered: 'Registered; a crew will be sent.',
    waiting: `Registered; waiting for a free crew${c.reason ? ` (${c.reason})` : ''}.`,
    dispatched: `A crew has been sent${c.task ? ` (task ${c.task.code})` : ''}.`,
    handled: 'The crew reports it done; waiting for an inspector to check.',
    closed: 'Fixed and checked.',
    rejected: `Not registered: ${c.reason ?? 'no reason given'}.`,
    merged: `Duplicate of ${c.mergedInto ?? 'another report'}; updates are on that report.`,
  };
  return { status: isOpenCase(c.state) ? 'open' : 'closed', notes: notes[c.state] };
}
