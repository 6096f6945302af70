import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runCli } from '../../local/cli/runCli.ts';
import { captureStreams } from './captureOutput.ts';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../local/cli/bin.mjs', import.meta.url));

export interface CliRun { code: number; stdout: string; stderr: string }

/**
 * Runs `npx snowops …` as a person would (a child process through bin.mjs), with $SNOWOPS_API and $SNOWOPS_TOKEN
 * cleared unless given. About 2.5 s a run: keep it for what only a real process shows (the bin, exit codes).
 */
export async function snowops(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: { ...process.env, SNOWOPS_API: '', SNOWOPS_TOKEN: '', ...env }, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * Runs the same command line through the CLI's own entry (runCli, what bin.mjs calls) in this process, its output
 * captured and the same variables cleared or set for the run: what a child process prints, in milliseconds.
 */
export async function snowopsInProcess(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const set = { SNOWOPS_API: '', SNOWOPS_TOKEN: '', ...env };
  const saved = Object.fromEntries(Object.keys(set).map((name) => [name, process.env[name]]));
  Object.assign(process.env, set);
  try {
    const { result, stdout, stderr } = await captureStreams(() => runCli(args));
    return { code: result, stdout, stderr };
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
