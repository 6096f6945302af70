import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;

/** Whether anything still accepts connections on a localhost port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

describe('npm start (the command a new engineer runs)', () => {
  it('runs the storm, exits 0 and leaves no DynamoDB Local of its own behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'snowops-start-'));
    const { stdout } = await run('npm', ['start', '--', '--outbox', join(dir, 'outbox.jsonl'), '--polls', '2'], { cwd: ROOT, timeout: 60_000 });
    expect(stdout).toContain('activation');
    expect(stdout).toContain('Response log');
    const port = Number(/DynamoDB Local http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1]);
    expect(port).toBeGreaterThan(0);
    expect(await listening(port)).toBe(false);
  }, 70_000);

  it('replays a forecast given with --forecast-file, and a bad one changes no level and exits 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'snowops-start-'));
    const file = join(dir, 'broken.json');
    await writeFile(file, '<html>Service Unavailable</html>');
    const { stdout } = await run('npm', ['start', '--', '--forecast-file', file, '--outbox', join(dir, 'o.jsonl'), '--polls', '1'], { cwd: ROOT, timeout: 60_000 });
    expect(stdout).toContain('city level none');
    expect(stdout).toContain('not JSON');
    expect(stdout).not.toContain('🚨 activation');
  }, 70_000);
});
