import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { groupGone, spawnInGroup } from '../support/processGroup.ts';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;

describe('npm start (the command a new engineer runs)', () => {
  it('runs the storm, exits 0 and leaves no DynamoDB Local of its own behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'snowops-start-'));
    const started = spawnInGroup('npm', ['start', '--', '--outbox', join(dir, 'outbox.jsonl'), '--polls', '2'], { cwd: ROOT });
    expect(await started.exited).toBe(0);
    const stdout = started.output();
    expect(stdout).toContain('activation');
    expect(stdout).toContain('Response log');
    expect(stdout).toMatch(/API http:\/\/127\.0\.0\.1:\d+ .*duty-officer token:\n {2}ey/);
    expect(stdout).toMatch(/the reporter's status page says closed, rated 5\/5/);
    expect(await groupGone(started.child.pid!, 5_000)).toBe(true);
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
