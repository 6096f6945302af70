import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../local/dynamo/startDynamoLocal.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

describe('npm run serve (the contract scripts rely on)', () => {
  it('listens on $PORT, serves /openapi.json without a token, answers 401 problem+json elsewhere, and stops cleanly', async () => {
    const port = await freePort();
    const child = spawn('npm', ['run', 'serve'], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    try {
      const deadline = Date.now() + 45_000;
      while (!output.includes('listening on') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(output).toContain(`listening on http://127.0.0.1:${port}`);
      expect(output).toMatch(/duty officer \(officer-demo\): ey/);
      const doc = await fetch(`http://127.0.0.1:${port}/openapi.json`);
      expect(doc.status).toBe(200);
      expect((await doc.json()).openapi).toBe('3.1.0');
      const status = await fetch(`http://127.0.0.1:${port}/status`);
      expect(status.status).toBe(401);
      expect(status.headers.get('content-type')).toBe('application/problem+json');
      const token = /duty officer \(officer-demo\): (\S+)/.exec(output)![1]!;
      const authorised = await fetch(`http://127.0.0.1:${port}/status`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await authorised.json()).openActivation).toBeNull();
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
    // Every process of the group, DynamoDB Local's Java included, is gone once serve has stopped.
    const deadline = Date.now() + 15_000;
    let alive = true;
    while (alive && Date.now() < deadline) {
      try {
        process.kill(-child.pid!, 0);
        await new Promise((r) => setTimeout(r, 200));
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
  }, 70_000);
});
