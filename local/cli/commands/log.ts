import type { Command } from 'commander';
import type { LoggedEntry } from '../../../functions/core/log/LoggedEntry.ts';
import { CliError } from '../CliError.ts';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { print, printJson, table } from '../output.ts';
import { withProgress } from '../progress.ts';

interface Page {
  stream: string;
  entries: LoggedEntry[];
  next?: string;
}

/** `snowops log [stream]`: the response log, a page at a time or all of it with --all. */
export function register(program: Command): void {
  withApiOptions(program.command('log')
    .description('read the response log of an activation ("current" by default), or "system" / "registry"')
    .argument('[stream]', 'activation id, current, system or registry', 'current')
    .option('--limit <n>', 'entries per page (1 to 500)', '100')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--from <time>', 'only entries at or after this ISO time')
    .option('--to <time>', 'only entries before this ISO time')
    .option('--all', 'follow every page to the end'))
    .action(async (stream: string, opts: ApiOptions & { limit: string; cursor?: string; from?: string; to?: string; all?: boolean }) => {
      const client = clientFrom(opts);
      const entries: LoggedEntry[] = [];
      let cursor = opts.cursor;
      let next: string | undefined;
      const read = async () => {
        do {
          const { body } = await client.request<Page>('GET', `/logs/${encodeURIComponent(stream)}`, { query: { limit: opts.limit, cursor, from: opts.from, to: opts.to } });
          entries.push(...body.entries);
          next = body.next;
          cursor = next;
        } while (opts.all && next);
      };
      await withProgress('reading the log', read());
      if (opts.json) return printJson({ stream, entries, ...(next ? { next } : {}) });
      if (entries.length === 0 && !next) throw new CliError(`no entries in "${stream}" for that range`, 1);
      print(table(['time (UTC)', 'actor', 'action', 'subject', 'reason'], entries.map((e) => [e.at.replace('T', ' ').slice(0, 19), e.actor, e.action, e.subject ?? '', e.reason ?? ''])));
      if (next) print(`more: snowops log ${stream} --cursor ${next}   (or --all)`);
    });
}
