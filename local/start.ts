import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { runStorm } from './demo/runStorm.ts';

const DEFAULT_STORM = fileURLToPath(new URL('./storms/jiaozuo-2026-12-blizzard.openmeteo.json', import.meta.url));

const program = new Command()
  .name('npm start --')
  .description('Runs a storm end to end on this machine: DynamoDB Local, a weather replay server, the poller, dispatch to an SMS outbox, replies, the response log.')
  .option('--forecast-file <file>', 'an Open-Meteo /v1/forecast response to replay', DEFAULT_STORM)
  .option('--city-file <file>', 'a city file (plan, zones, roads, crews, vehicles)')
  .option('--outbox <file>', 'where sent SMS are written, one JSON per line', '.snowops/outbox.jsonl')
  .option('--polls <n>', 'scheduled polls to run, 15 simulated minutes apart', '4')
  .option('--keep-serving', 'keep the HTTP API up after the storm until Ctrl-C')
  .option('--sms <provider>', 'outbox (SNS\'s local stand-in) or aliyun (Alibaba Cloud SMS adapter against a local endpoint answering like Dysmsapi)', 'outbox');

/** Resolves on Ctrl-C or SIGTERM. */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function main(): Promise<void> {
  program.parse();
  const opts = program.opts<{ forecastFile: string; cityFile?: string; outbox: string; polls: string; keepServing?: boolean; sms: string }>();
  if (opts.sms !== 'outbox' && opts.sms !== 'aliyun') throw new Error(`--sms must be outbox or aliyun, got "${opts.sms}"`);
  const polls = Number(opts.polls);
  if (!Number.isInteger(polls) || polls < 1) throw new Error(`--polls must be a whole number of polls, got "${opts.polls}"`);
  const started = Date.now();
  await mkdir(dirname(opts.outbox), { recursive: true });
  await rm(opts.outbox, { force: true });
  const port = Number(process.env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a TCP port number, got "${process.env.PORT}"`);
  await runStorm({
    forecastFile: opts.forecastFile, cityFile: opts.cityFile, outboxFile: opts.outbox, polls, sms: opts.sms, say: (line) => console.log(line),
    api: { port, ...(opts.keepServing ? { keepServing: untilInterrupted } : {}) },
  });
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. SMS outbox: ${opts.outbox}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`snowops: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
