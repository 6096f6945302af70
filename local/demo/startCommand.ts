import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { runStorm } from './runStorm.ts';

const DEFAULT_STORM = fileURLToPath(new URL('../storms/jiaozuo-2026-12-blizzard.openmeteo.json', import.meta.url));

export interface StartCommandOptions {
  /** Where each line goes (the terminal's stdout for `npm start`). */
  say: (line: string) => void;
  /** $PORT as the process has it. */
  port?: string;
  /** Resolves when the person stops a --keep-serving run (Ctrl-C). */
  untilInterrupted: () => Promise<void>;
  /** A DynamoDB Local already running (a test run's); `npm start` starts its own and leaves none behind. */
  dynamoEndpoint?: string;
}

// Commander's usage errors and --help throw (a CommanderError, said already) instead of ending the process: start.ts
// exits with their code, and an in-process caller is not ended by them.
function startProgram(): Command {
  return new Command()
    .exitOverride()
    .name('npm start --')
    .description('Runs a storm end to end on this machine: DynamoDB Local, a weather replay server, the poller, dispatch to an SMS outbox, replies, the response log.')
    .option('--forecast-file <file>', 'an Open-Meteo /v1/forecast response to replay', DEFAULT_STORM)
    .option('--city-file <file>', 'a city file (plan, zones, roads, crews, vehicles)')
    .option('--outbox <file>', 'where sent SMS are written, one JSON per line', '.snowops/outbox.jsonl')
    .option('--polls <n>', 'scheduled polls to run, 15 simulated minutes apart', '4')
    .option('--keep-serving', 'keep the HTTP API up after the storm until Ctrl-C')
    .option('--sms <provider>', 'outbox (SNS\'s local stand-in) or aliyun (Alibaba Cloud SMS adapter against a local endpoint answering like Dysmsapi)', 'outbox');
}

/** `npm start`'s command line (the arguments after `--`), run to the storm's end: what start.ts runs in its own process. */
export async function runStartCommand(args: readonly string[], options: StartCommandOptions): Promise<void> {
  const opts = startProgram().parse(['node', 'start', ...args]).opts<{ forecastFile: string; cityFile?: string; outbox: string; polls: string; keepServing?: boolean; sms: string }>();
  if (opts.sms !== 'outbox' && opts.sms !== 'aliyun') throw new Error(`--sms must be outbox or aliyun, got "${opts.sms}"`);
  const polls = Number(opts.polls);
  if (!Number.isInteger(polls) || polls < 1) throw new Error(`--polls must be a whole number of polls, got "${opts.polls}"`);
  const port = Number(options.port ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a TCP port number, got "${options.port}"`);
  const started = Date.now();
  await mkdir(dirname(opts.outbox), { recursive: true });
  await rm(opts.outbox, { force: true });
  await runStorm({
    forecastFile: opts.forecastFile, cityFile: opts.cityFile, outboxFile: opts.outbox, polls, sms: opts.sms, say: options.say,
    ...(options.dynamoEndpoint ? { dynamoEndpoint: options.dynamoEndpoint } : {}),
    api: { port, ...(opts.keepServing ? { keepServing: options.untilInterrupted } : {}) },
  });
  options.say(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. SMS outbox: ${opts.outbox}`);
}
