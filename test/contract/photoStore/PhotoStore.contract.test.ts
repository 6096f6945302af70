import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { mkdtemp } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderPhotoStore } from '../../../functions/adapters/files/FolderPhotoStore.ts';
import { s3Client } from '../../../functions/adapters/s3/s3Client.ts';
import { S3PhotoStore } from '../../../functions/adapters/s3/S3PhotoStore.ts';
import { localUploadSite } from '../../../local/citizen/localUploadSite.ts';
import { photoStoreContract } from './photoStoreContract.ts';

// s3rver answers S3's REST API on localhost (PUT/GET/DELETE objects, presigned URLs); it does not check a
// presigned URL's signed headers, so the bounds S3 itself enforces are checked on the URL the adapter signs.
let s3rver: S3rver;
let endpoint: string;
const BUCKET = 'snowops-photos-test';
beforeAll(async () => {
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: await mkdtemp(join(tmpdir(), 'snowops-s3rver-')) });
  const { port } = await s3rver.run();
  endpoint = `http://127.0.0.1:${port}`;
  await client().send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterAll(async () => { await s3rver?.close(); });

const client = () => s3Client({ endpoint, forcePathStyle: true, region: 'cn-north-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });

photoStoreContract('S3 (the AWS SDK client against s3rver, a local endpoint that answers like S3)', async () => ({
  store: new S3PhotoStore(client(), BUCKET),
  put: async (target, bytes) => (await fetch(target.url, { method: target.method, headers: target.headers, body: Buffer.from(bytes) as unknown as BodyInit })).status,
}));

photoStoreContract('a local folder (presigned PUTs taken by the local server\'s upload site)', async () => {
  const store = new FolderPhotoStore(await mkdtemp(join(tmpdir(), 'snowops-folder-photos-')));
  return {
    store,
    put: async (target, bytes) => {
      let status = 0;
      const req = { url: target.url, method: target.method, headers: { 'content-type': target.headers['Content-Type'] } } as unknown as IncomingMessage;
      const res = { writeHead: (s: number) => { status = s; }, end: () => {} } as unknown as ServerResponse;
      await localUploadSite(store)(req, res, Buffer.from(bytes));
      return status;
    },
  };
});

describe('S3PhotoStore presigned PUT (signed for the AWS SDK client against s3rver, a local endpoint that answers like S3)', () => {
  it('signs the Content-Type and Content-Length, so S3 refuses another type or size, and carries no checksum of an empty body', async () => {
    const target = await new S3PhotoStore(client(), BUCKET).uploadTarget('u-0123456789ab-signed', { contentType: 'image/heic', bytes: 4096, expiresAt: new Date(Date.now() + 600_000) });
    const url = new URL(target.url);
    expect(url.pathname).toBe(`/${BUCKET}/incoming/u-0123456789ab-signed`);
    expect(url.searchParams.get('X-Amz-SignedHeaders')!.split(';')).toEqual(expect.arrayContaining(['content-length', 'content-type']));
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeGreaterThan(590);
    expect([...url.searchParams.keys()].filter((k) => k.toLowerCase().includes('checksum'))).toEqual([]);
  });
});
