import type { Command } from 'commander';
import type { Activation } from '../../../functions/core/operations/Activation.ts';
import { clientFrom, withApiOptions, type ApiOptions } from '../api/apiOptions.ts';
import { print, printJson, table } from '../output.ts';
import { withProgress } from '../progress.ts';

/** `snowops activations`: recent activations, newest first. */
export function register(program: Command): void {
  withApiOptions(program.command('activations').description('list recent activations, newest first').option('--limit <n>', '1 to 100', '20'))
    .action(async (opts: ApiOptions & { limit: string }) => {
      const { body } = await withProgress('reading activations', clientFrom(opts).request<{ activations: Activation[] }>('GET', '/activations', { query: { limit: opts.limit } }));
      if (opts.json) return printJson(body);
      print(table(['id', 'level', 'status', 'opened (UTC)', 'by', 'closed (UTC)', 'reason'], body.activations.map((a) => [a.id, a.level, a.status, a.openedAt.slice(0, 16), a.openedBy, a.closedAt?.slice(0, 16) ?? '', a.reason])));
    });
}
