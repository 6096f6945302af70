import { mkdtemp, readdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FolderPhotoStore } from '../../../functions/adapters/files/FolderPhotoStore.ts';
import { localUploadSite } from '../../../local/citizen/localUploadSite.ts';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';
import { contains, DEVICE, GPS_MARK, jpegWithExif, pngWithMetadata } from '../../support/builders/photos.ts';
import { form, reporterPass } from '../../support/citizenApi.ts';

let h: MemoryApiHarness;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snowops-photos-'));
  h = await memoryApiHarness({ photoDir: dir });
});

/** The browser's PUT to the presigned URL, as the local server's upload site takes it. */
async function put(url: string, headers: Record<string, string>, bytes: Uint8Array): Promise<{ status: number; text: string }> {
  let status = 0;
  let text = '';
  const req = { url, method: 'PUT', headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) } as unknown as IncomingMessage;
  const res = { writeHead: (s: number) => { status = s; return res; }, end: (t?: string) => { text = t ?? ''; } } as unknown as ServerResponse;
  await localUploadSite(h.api.photos)(req, res, Buffer.from(bytes));
  return { status, text };
}

async function ask(pass: string | undefined, bytes: number, contentType = 'image/jpeg') {
  return h.call('POST', '/citizen/photos', { as: 'none', body: { pass, contentType, bytes } });
}

/** Asks for an upload, PUTs the bytes, and has the server take them. */
async function upload(bytes: Uint8Array, pass: string, contentType = 'image/jpeg') {
  const asked = await ask(pass, bytes.length, contentType);
  expect(asked.status, asked.text).toBe(201);
  expect((await put(asked.json.upload.url, asked.json.upload.headers, bytes)).status).toBe(200);
  return h.call('POST', `/citizen/photos/${asked.json.uploadKey}`, { as: 'none', body: { pass } });
}

describe('presigned photo uploads and a report\'s media_keys', () => {
  it('stores a JPEG without its Exif (device, GPS), and a report from the same phone carries it', async () => {
    const pass = await reporterPass(h);
    const res = await upload(jpegWithExif(), pass);
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ contentType: 'image/jpeg' });
    const stored = await new FolderPhotoStore(dir).get(res.json.key);
    expect(stored && (contains(stored.bytes, DEVICE) || contains(stored.bytes, GPS_MARK))).toBe(false);
    expect(stored?.bytes.length).toBe(res.json.bytes);
    const filed = await h.call('POST', '/open311/v2/requests.json', { as: 'none', ...form({ service_code: 'icy-road', lat: 35.2211, long: 113.268, api_key: pass, media_keys: res.json.key }) });
    expect(filed.status, filed.text).toBe(201);
    const c = await h.call('GET', `/citizen/cases/${filed.json[0].service_request_id}`);
    expect(c.json.photos).toEqual([{ key: res.json.key, contentType: 'image/jpeg', bytes: res.json.bytes }]);
  });

  it('removes the raw upload once the server has taken it: a second take finds nothing', async () => {
    const pass = await reporterPass(h);
    const asked = await ask(pass, jpegWithExif().length);
    await put(asked.json.upload.url, asked.json.upload.headers, jpegWithExif());
    expect((await h.call('POST', `/citizen/photos/${asked.json.uploadKey}`, { as: 'none', body: { pass } })).status).toBe(201);
    const again = await h.call('POST', `/citizen/photos/${asked.json.uploadKey}`, { as: 'none', body: { pass } });
    expect([again.status, again.json.detail]).toEqual([422, expect.stringMatching(/nothing was uploaded/)]);
    expect(await readdir(join(dir, 'incoming'))).not.toContain(asked.json.uploadKey);
  });

  it('takes a PNG declared as octet-stream, judged by its bytes', async () => {
    const res = await upload(pngWithMetadata(), await reporterPass(h), 'application/octet-stream');
    expect([res.status, res.json.contentType]).toEqual([201, 'image/png']);
  });

  it('refuses a fake image (text declared a JPEG) with 422, and stores nothing', async () => {
    const before = (await readdir(dir)).filter((f) => f !== 'incoming');
    const res = await upload(new TextEncoder().encode('<script>alert(1)</script>'), await reporterPass(h));
    expect(res.status).toBe(422);
    expect(res.json.detail).toMatch(/not a JPEG, PNG or HEIC photo/);
    expect((await readdir(dir)).filter((f) => f !== 'incoming')).toEqual(before);
  });

  it('refuses to sign an upload over 5 MB, or of a type that is no photo, with 400 naming the field', async () => {
    const pass = await reporterPass(h);
    const big = await ask(pass, 5 * 1024 * 1024 + 1);
    const gif = await ask(pass, 100, 'image/gif');
    expect([big.status, big.json.errors[0].field, gif.status, gif.json.errors[0].field]).toEqual([400, 'bytes', 400, 'contentType']);
  });

  it('refuses a PUT of another size or type than was signed, and one to a tampered URL, with 403', async () => {
    const pass = await reporterPass(h);
    const asked = await ask(pass, 100);
    const { url, headers } = asked.json.upload;
    expect((await put(url, headers, new Uint8Array(101))).status).toBe(403);
    expect((await put(url, { 'Content-Type': 'image/png' }, new Uint8Array(100))).status).toBe(403);
    expect((await put(url.replace('bytes=100', 'bytes=200'), headers, new Uint8Array(200))).status).toBe(403);
  });

  it('refuses an upload without a live pass (403), and another phone\'s upload key (422)', async () => {
    expect((await ask(undefined, 100)).status).toBe(400);
    expect((await ask('x'.repeat(30), 100)).status).toBe(403);
    const theirs = await ask(await reporterPass(h), 100);
    const mine = await h.call('POST', `/citizen/photos/${theirs.json.uploadKey}`, { as: 'none', body: { pass: await reporterPass(h) } });
    expect([mine.status, mine.json.detail]).toEqual([422, expect.stringMatching(/no upload .* from this phone/)]);
  });

  it('refuses a report that names another phone\'s photo', async () => {
    const theirs = (await upload(jpegWithExif(), await reporterPass(h))).json.key as string;
    const filed = await h.call('POST', '/open311/v2/requests.json', { as: 'none', ...form({ service_code: 'icy-road', lat: 35.2211, long: 113.268, api_key: await reporterPass(h), media_keys: theirs }) });
    expect(filed.status).toBe(422);
  });
});
