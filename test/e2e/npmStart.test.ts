import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;

function dynamoLocalProcesses(): Promise<number> {
  return run('pgrep', ['-fc', 'DynamoDBLocal.jar']).then((r) => Number(r.stdout.trim()), () => 0);
}

describe('npm start (the command a new engineer runs)', () => {
  it('runs the storm, exits 0 and leaves no DynamoDB Local of its own behind', async () => {
    const before = await dynamoLocalProcesses();
    const dir = await mkdtemp(join(tmpdir(), 'snowops-start-'));
    const { stdout } = await run('npm', ['start', '--', '--outbox', join(dir, 'outbox.jsonl'), '--polls', '2'], { cwd: ROOT, timeout: 60_000 });
    expect(stdout).toContain('activation');
    expect(stdout).toContain('Response log');
    expect(stdout).toMatch(/API http:\/\/127\.0\.0\.1:\d+ .*duty-officer token:\n {2}ey/);
    expect(await dynamoLocalProcesses()).toBe(before);
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
