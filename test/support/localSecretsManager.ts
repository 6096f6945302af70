import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export interface LocalSecretsManager {
  /** A real SDK client pointed at this endpoint, with static test credentials. */
  client: SecretsManagerClient;
  /** The SecretIds asked for, in order. */
  asked: string[];
  close(): Promise<void>;
}

/**
 * An endpoint on localhost that answers GetSecretValue as Secrets Manager does (awsJson1_1: POST /, X-Amz-Target
 * secretsmanager.GetSecretValue; an unknown id is ResourceNotFoundException), for the real SDK client. No Secrets
 * Manager emulator runs on these machines.
 */
export async function startLocalSecretsManager(secrets: Record<string, string>): Promise<LocalSecretsManager> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
      if (req.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue' || !req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) {
        json(400, { __type: 'InvalidRequestException', message: 'unsigned request or an operation this endpoint does not answer' });
        return;
      }
      const { SecretId } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { SecretId: string };
      asked.push(SecretId);
      const value = secrets[SecretId];
      if (value === undefined) { json(400, { __type: 'ResourceNotFoundException', message: 'Secrets Manager can\'t find the specified secret.' }); return; }
      json(200, { ARN: SecretId, Name: SecretId.split(':').at(-1), SecretString: value, VersionId: '00000000-0000-4000-8000-000000000001', VersionStages: ['AWSCURRENT'], CreatedDate: 1765000000 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new SecretsManagerClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'cn-north-1',
    credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  return { client, asked, close: () => new Promise<void>((resolve) => { client.destroy(); server.close(() => resolve()); }) };
}
