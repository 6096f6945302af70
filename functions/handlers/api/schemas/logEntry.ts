import * as z from 'zod';
import type { LoggedEntry } from '../../../core/log/LoggedEntry.ts';

export const loggedEntrySchema = z.object({
  id: z.string().describe('orders the log: time, then a unique suffix'),
  activationId: z.string().describe('the activation, or the "system" / "registry" stream'),
  at: z.string(),
  actor: z.string().describe('"system", "poller", "planner", "dispatcher", an officer\'s username or a leader\'s masked phone'),
  action: z.string(),
  subject: z.string().optional(),
  details: z.record(z.string(), z.unknown()),
  reason: z.string().optional(),
}).meta({ id: 'LogEntry' });

const _sameShape: [z.infer<typeof loggedEntrySchema>, LoggedEntry] = [{} as LoggedEntry, {} as z.infer<typeof loggedEntrySchema>];
void _sameShape;
