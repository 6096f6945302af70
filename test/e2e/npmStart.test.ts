import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runStartCommand } from '../../local/demo/startCommand.ts';
import { groupGone, spawnInGroup } from '../support/processGroup.ts';

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

  it('replays a forecast given with --forecast-file, and a bad one changes no level and ends without an error', async () => {
    // The same command line through start.ts's own entry, in this process on the run's DynamoDB Local: the real
    // process, its exit code and its own DynamoDB Local are the test above's.
    const dir = await mkdtemp(join(tmpdir(), 'snowops-start-'));
    const file = join(dir, 'broken.json');
    await writeFile(file, '<html>Service Unavailable</html>');
    const lines: string[] = [];
    await runStartCommand(['--forecast-file', file, '--outbox', join(dir, 'o.jsonl'), '--polls', '1'], {
      say: (line) => lines.push(line), port: '0', untilInterrupted: () => Promise.resolve(), dynamoEndpoint: inject('dynamoEndpoint'),
    });
    const stdout = lines.join('\n');
    expect(stdout).toContain('city level none');
    expect(stdout).toContain('not JSON');
    expect(stdout).not.toContain('🚨 activation');
  }, 70_000);
});
