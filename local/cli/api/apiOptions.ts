import type { Command } from 'commander';
import { ApiClient } from './ApiClient.ts';

export interface ApiOptions {
  api: string;
  token?: string;
  json?: boolean;
}

export const DEFAULT_API = 'http://localhost:3000';

/** --api, --token and --json on a command: local by default ($SNOWOPS_API, $SNOWOPS_TOKEN). */
export function withApiOptions(command: Command): Command {
  return command
    .option('--api <url>', 'API base URL (default $SNOWOPS_API or http://localhost:3000)')
    .option('--token <jwt>', 'bearer token (default $SNOWOPS_TOKEN)')
    .option('--json', 'print the API answer as JSON, for scripts');
}

/** The client for a command's options. */
export function clientFrom(options: Partial<ApiOptions>): ApiClient {
  return new ApiClient(options.api ?? process.env.SNOWOPS_API ?? DEFAULT_API, options.token ?? process.env.SNOWOPS_TOKEN);
}
