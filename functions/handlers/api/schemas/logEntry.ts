import * as z from '../../../config/zod.ts';
import { lazyOnce } from './lazyOnce.ts';
import type { LoggedEntry } from '../../../core/log/LoggedEntry.ts';

export const loggedEntrySchema = lazyOnce(() => z.object({
  id: z.string().check(z.describe('orders the log: time, then a unique suffix')),
  activationId: z.string().check(z.describe('the activation, or the "system" / "registry" stream')),
  at: z.string(),
  actor: z.string().check(z.describe('"system", "poller", "planner", "dispatcher", an officer\'s username or a leader\'s masked phone')),
  action: z.string(),
  subject: z.optional(z.string()),
  details: z.record(z.string(), z.unknown()),
  reason: z.optional(z.string()),
}).register(z.globalRegistry, { id: 'LogEntry' }));

const _sameShape: [z.infer<typeof loggedEntrySchema>, LoggedEntry] = [{} as LoggedEntry, {} as z.infer<typeof loggedEntrySchema>];
void _sameShape;
