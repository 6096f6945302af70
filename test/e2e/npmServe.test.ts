import { describe, expect, it } from 'vitest';
import { freePort } from '../../local/dynamo/startDynamoLocal.ts';
import { groupGone, spawnInGroup } from '../support/processGroup.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

describe('npm run serve (the contract scripts rely on)', () => {
  it('listens on $PORT, serves /openapi.json without a token, answers 401 problem+json elsewhere, and stops cleanly', async () => {
    const port = await freePort();
    const serve = spawnInGroup('npm', ['run', 'serve'], { cwd: ROOT, env: { ...process.env, PORT: String(port) } });
    try {
      const deadline = Date.now() + 45_000;
      while (!serve.output().includes('listening on') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      const output = serve.output();
      expect(output).toContain(`listening on http://127.0.0.1:${port}`);
      expect(output).toMatch(/duty officer \(officer-demo\): ey/);
      const doc = await fetch(`http://127.0.0.1:${port}/openapi.json`);
      expect(doc.status).toBe(200);
      expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0');
      const status = await fetch(`http://127.0.0.1:${port}/status`);
      expect(status.status).toBe(401);
      expect(status.headers.get('content-type')).toBe('application/problem+json');
      const token = /duty officer \(officer-demo\): (\S+)/.exec(output)![1]!;
      const authorised = await fetch(`http://127.0.0.1:${port}/status`, { headers: { Authorization: `Bearer ${token}` } });
      expect(((await authorised.json()) as { openActivation: unknown }).openActivation).toBeNull();
      expect(output).toContain(`Report page (citizens, no account): http://127.0.0.1:${port}/report/`);
      const page = await fetch(`http://127.0.0.1:${port}/report/`);
      expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
      expect(await page.text()).toContain('data-page="report"');
    } finally {
      // Ctrl-C in a terminal signals the whole foreground group.
      process.kill(-serve.child.pid!, 'SIGINT');
    }
    expect(await groupGone(serve.child.pid!)).toBe(true);
  }, 70_000);
});
